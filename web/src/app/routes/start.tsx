import { Welcome } from '../../features/home/components/welcome';

export function StartRoute() {
  return <Welcome />;
}
