import type { Caller } from '@kz/auth';
import { DataLoaderCache } from '@kz/server';
import type { OrganizationsService } from './domain/organizations.service';
import type { SignInService } from './domain/sign-in.service';
import type { UsersService } from './domain/users.service';

export interface IdentityServices {
  signIn: SignInService;
  organizations: OrganizationsService;
  users: UsersService;
}

export interface IdentityContext {
  caller: Caller;
  services: IdentityServices;
  loaders: DataLoaderCache;
}
