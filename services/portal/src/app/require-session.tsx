import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './use-session';

/** Screens behind sign-in: without a session, the sign-in screen, which comes back here afterwards. */
export function RequireSession() {
  const tokens = useSession();
  const location = useLocation();
  if (!tokens) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return <Outlet />;
}
