import { NotFoundResult } from '../../components/result-pages';

export function NotFoundRoute() {
  return <NotFoundResult />;
}
