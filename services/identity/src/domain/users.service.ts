import { badInput } from '@kz/errors';
import { createEvent, type Outbox } from '@kz/events';
import { isUuid } from '@kz/db';
import { In, type DataSource } from 'typeorm';
import { ConnectorEntity } from '../entities/connector.entity';
import { UserEntity } from '../entities/user.entity';

/**
 * A connector where it is the author of what it posted with POST_MESSAGES: messages keep its id as their author's, so
 * a User reference to that id names the connector (as Slack's bot users do), even once it is revoked.
 */
export interface ConnectorAuthor {
  kind: 'CONNECTOR';
  id: string;
  displayName: string;
  createdAt: Date;
}

/** What a User id names: a person, or a connector that posted. */
export type UserRecord = UserEntity | ConnectorAuthor;

export function isConnectorAuthor(user: UserRecord): user is ConnectorAuthor {
  return 'kind' in user && user.kind === 'CONNECTOR';
}

export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async byIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).findBy({ id: In(ids.filter(isUuid)) });
  }

  /** The people among `ids`, and for the other ids the connectors that posted as them. */
  async usersOrConnectorsByIds(ids: readonly string[]): Promise<UserRecord[]> {
    const people = await this.byIds(ids);
    const found = new Set(people.map((p) => p.id));
    const others = ids.filter((id) => isUuid(id) && !found.has(id));
    if (others.length === 0) return people;
    const connectors = await this.dataSource
      .getRepository(ConnectorEntity)
      .find({ select: { id: true, name: true, createdAt: true }, where: { id: In(others) } });
    return [...people, ...connectors.map((c): ConnectorAuthor => ({ kind: 'CONNECTOR', id: c.id, displayName: c.name, createdAt: c.createdAt }))];
  }

  async updateProfile(userId: string, rawName: string): Promise<UserEntity> {
    const displayName = rawName.trim();
    if (displayName.length === 0 || displayName.length > 100) throw badInput('displayName', 'A display name needs 1 to 100 characters.');
    return this.outbox.transaction(async (m, emit) => {
      await m.getRepository(UserEntity).update({ id: userId }, { displayName });
      await m.query(`UPDATE organization_members SET name_key = $2 WHERE user_id = $1`, [userId, displayName.toLowerCase()]);
      emit(createEvent('identity.user.profile-changed', { key: userId, orgId: null, payload: { userId, displayName } }));
      return m.getRepository(UserEntity).findOneByOrFail({ id: userId });
    });
  }
}
