import { isUuid } from '@kz/db';
import { In, type DataSource } from 'typeorm';
import { UserEntity } from '../entities/user.entity';

export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  async byIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).findBy({ id: In(ids.filter(isUuid)) });
  }
}
