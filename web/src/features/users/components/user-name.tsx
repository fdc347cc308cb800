import { Skeleton } from 'antd';
import { useUser } from '../api/get-user';

/** A user's name by id (cached); an em dash when the user is outside the viewer's data scope. */
export function UserName({ id }: { id: string }) {
  const { data, isPending, isError } = useUser(id);
  if (isError) return <span>—</span>;
  if (isPending) return <Skeleton.Input active size="small" style={{ width: 64, height: 16 }} />;
  return <span>{data.name}</span>;
}
