import { AttributeDefinitionEntity } from './attribute-definition.entity';
import { ConnectorEntity } from './connector.entity';
import { DevSmsMessageEntity } from './dev-sms-message.entity';
import { InvitationTextEntity } from './invitation-text.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { OrganizationMemberEntity } from './organization-member.entity';
import { OrganizationEntity } from './organization.entity';
import { SignInCodeEntity } from './sign-in-code.entity';
import { SigningKeyEntity } from './signing-key.entity';
import { UserEntity } from './user.entity';

export const identityEntities = [
  UserEntity,
  SignInCodeEntity,
  OrganizationEntity,
  OrganizationMemberEntity,
  SigningKeyEntity,
  DevSmsMessageEntity,
  RefreshTokenEntity,
  AttributeDefinitionEntity,
  ConnectorEntity,
  InvitationTextEntity,
];
