import type { SubgraphContext } from '@kz/server';
import type { OrganizationsService } from './domain/organizations.service';
import type { SignInService } from './domain/sign-in.service';
import type { SigningKeys } from './domain/signing-keys';
import type { DevSmsSink } from './domain/sms-sender';
import type { UsersService } from './domain/users.service';

export interface IdentityServices {
  signIn: SignInService;
  organizations: OrganizationsService;
  users: UsersService;
  keys: SigningKeys;
  /** Present only with SMS_SENDER=dev. */
  devSms: DevSmsSink | undefined;
}

export type IdentityContext = SubgraphContext<IdentityServices>;
