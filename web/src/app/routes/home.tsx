import { Welcome } from '../../features/home/components/welcome';

export function HomeRoute() {
  return <Welcome />;
}
