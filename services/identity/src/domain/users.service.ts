import { badInput } from '@kz/errors';
import { createEvent, type Outbox } from '@kz/events';
import { isUuid } from '@kz/db';
import { In, type DataSource } from 'typeorm';
import { UserEntity } from '../entities/user.entity';

export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async byIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).findBy({ id: In(ids.filter(isUuid)) });
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
