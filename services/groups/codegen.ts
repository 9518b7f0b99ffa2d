import { subgraphResolversCodegen } from '../../codegen.subgraph';

export default subgraphResolversCodegen({
  contextType: '../context#GroupsContext',
  scalars: { URL: 'string' },
  mappers: {
    Group: '../entities/group.entity#GroupEntity',
    InviteLink: '../entities/invite-link.entity#InviteLinkEntity',
    JoinRequest: '../entities/join-request.entity#JoinRequestEntity',
    Membership: '../entities/membership.entity#MembershipEntity',
    // Groups adds fields to organisations it knows by id only.
    Organization: '{ id: string }',
  },
});
