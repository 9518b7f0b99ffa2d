import { subgraphResolversCodegen } from '../../codegen.subgraph';

export default subgraphResolversCodegen({
  contextType: '../context#MessagingContext',
  mappers: {
    // Messaging adds fields to groups it knows by id only.
    Group: '{ id: string }',
    Message: '../entities/message.entity#MessageEntity',
    MessageChange: '../entities/message.entity#MessageEntity',
    Notification: '../entities/notification.entity#NotificationEntity',
    SystemEvent: '../domain/system-events#SystemEventRecord',
  },
});
