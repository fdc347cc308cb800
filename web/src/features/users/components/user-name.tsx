import { Skeleton } from 'antd';
import { useDirectoryEntry } from '../api/get-user-directory';

/** A colleague's name by id from the tenant's directory (cached); an em dash when there is no such user. */
export function UserName({ id }: { id: string }) {
  const { data, isPending, isError } = useDirectoryEntry(id);
  if (isError || data === null) return <span>—</span>;
  if (isPending) return <Skeleton.Input active size="small" style={{ width: 64, height: 16 }} />;
  return <span>{data.name}</span>;
}
