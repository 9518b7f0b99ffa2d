import { createBrowserRouter, Navigate } from 'react-router';
import { NotFoundScreen } from './not-found.screen';
import { RequireSession } from './require-session';
import { RouteError } from './route-error';

/**
 * A URL for every screen. Screens load on first visit (each is its own chunk), so the sign-in screen carries only
 * what it needs. The members' chat lives under /chat, in a frame of its own beside the admin screens.
 */
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: '/sign-in', lazy: () => import('../screens/sign-in/sign-in.screen').then((m) => ({ Component: m.SignInScreen })) },
      {
        element: <RequireSession />,
        children: [
          { path: '/join/:token', lazy: () => import('../screens/join/join.screen').then((m) => ({ Component: m.JoinScreen })) },
          {
            path: '/chat',
            lazy: () => import('../screens/chat/chat-layout').then((m) => ({ Component: m.ChatLayout })),
            children: [
              { index: true, lazy: () => import('../screens/chat/chat-layout').then((m) => ({ Component: m.ChatIndexScreen })) },
              { path: 'search', lazy: () => import('../screens/chat/search.screen').then((m) => ({ Component: m.SearchScreen })) },
              {
                path: 'notifications',
                lazy: () => import('../screens/notifications/notifications.screen').then((m) => ({ Component: m.NotificationsScreen })),
              },
              { path: ':groupId', lazy: () => import('../screens/chat/conversation.screen').then((m) => ({ Component: m.ConversationScreen })) },
            ],
          },
          {
            // The frame of signed-in screens loads with the first of them, not with the sign-in screen.
            lazy: () => import('./app-layout').then((m) => ({ Component: m.AppLayout })),
            children: [
              { index: true, lazy: () => import('../screens/home/home.screen').then((m) => ({ Component: m.HomeScreen })) },
              {
                path: '/organizations/new',
                lazy: () => import('../screens/organizations/create-organization.screen').then((m) => ({ Component: m.CreateOrganizationScreen })),
              },
              {
                path: '/orgs/:orgId',
                children: [
                  { index: true, element: <Navigate to="groups" replace /> },
                  { path: 'groups', lazy: () => import('../screens/groups/groups.screen').then((m) => ({ Component: m.GroupsScreen })) },
                  {
                    path: 'groups/:groupId',
                    lazy: () => import('../screens/group/group.screen').then((m) => ({ Component: m.GroupScreen })),
                    children: [
                      { index: true, lazy: () => import('../screens/group/group-settings.tab').then((m) => ({ Component: m.GroupSettingsTab })) },
                      { path: 'members', lazy: () => import('../screens/group/members/members.tab').then((m) => ({ Component: m.MembersTab })) },
                      {
                        path: 'invitations',
                        lazy: () => import('../screens/group/invitations/invitations.tab').then((m) => ({ Component: m.InvitationsTab })),
                      },
                      {
                        path: 'requests',
                        lazy: () => import('../screens/group/join-requests/join-requests.tab').then((m) => ({ Component: m.JoinRequestsTab })),
                      },
                    ],
                  },
                  { path: 'directory', lazy: () => import('../screens/directory/directory.screen').then((m) => ({ Component: m.DirectoryScreen })) },
                  { path: 'attributes', lazy: () => import('../screens/attributes/attributes.screen').then((m) => ({ Component: m.AttributesScreen })) },
                  { path: 'imports', lazy: () => import('../screens/imports/imports.screen').then((m) => ({ Component: m.ImportsScreen })) },
                  { path: 'chat-import', lazy: () => import('../screens/chat-imports/chat-import.screen').then((m) => ({ Component: m.ChatImportScreen })) },
                  { path: 'imports/:importId', lazy: () => import('../screens/imports/import.screen').then((m) => ({ Component: m.ImportScreen })) },
                  { path: 'connectors', lazy: () => import('../screens/connectors/connectors.screen').then((m) => ({ Component: m.ConnectorsScreen })) },
                  { path: 'webhooks', lazy: () => import('../screens/webhooks/webhooks.screen').then((m) => ({ Component: m.WebhooksScreen })) },
                  { path: 'audit', lazy: () => import('../screens/audit/audit-log.screen').then((m) => ({ Component: m.AuditLogScreen })) },
                  { path: 'exports', lazy: () => import('../screens/exports/exports.screen').then((m) => ({ Component: m.ExportsScreen })) },
                  {
                    path: 'webhooks/:endpointId',
                    lazy: () => import('../screens/webhooks/webhook-deliveries.screen').then((m) => ({ Component: m.WebhookDeliveriesScreen })),
                  },
                  {
                    path: 'settings',
                    lazy: () => import('../screens/organizations/organization-settings.screen').then((m) => ({ Component: m.OrganizationSettingsScreen })),
                  },
                ],
              },
              { path: '*', element: <NotFoundScreen /> },
            ],
          },
        ],
      },
    ],
  },
]);
