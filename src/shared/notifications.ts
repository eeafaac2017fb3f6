/**
 * 通知中心: in-app notices of the user's organisation (and those addressed to the user).
 *   GET  /api/notifications?status=&q=&page=&pageSize=  → notificationListSchema
 *   GET  /api/notifications/unread-count                → { unread }
 *   POST /api/notifications/:id/read                    → { ok }
 *   POST /api/notifications/read-all                    → { ok }
 */
import { z } from 'zod';

export const notificationItemSchema = z.object({ id: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), read: z.boolean(), createdAt: z.string() });
export type NotificationItem = z.infer<typeof notificationItemSchema>;

export const notificationListQuerySchema = z.object({
  status: z.enum(['all', 'unread', 'read'], { message: '状态只能为全部、未读或已读' }).default('all'),
  q: z.string().max(50, '搜索词不能超过50个字').optional(),
  page: z.coerce.number().int().min(1, '页码应为正整数').max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, '每页最多100条').default(20),
});

export const notificationListSchema = z.object({ items: z.array(notificationItemSchema), unread: z.number().int(), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type NotificationList = z.infer<typeof notificationListSchema>;
