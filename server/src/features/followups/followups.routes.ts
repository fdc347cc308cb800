import { ZCreateFollowupRequest, ZFollowup, ZListFollowupsQuery, ZUpdateFollowupRequest } from '@guanxi/common/followups';
import { ZCappedPage } from '@guanxi/common/pagination';
import { addCrudRoutes } from '../../lib/crud-routes';
import { createRouter } from '../../lib/http';
import { createFollowup, editFollowup, getFollowup, listVisibleFollowups, removeFollowup } from './followups.service';

export function followupsRoutes() {
  const app = createRouter();
  addCrudRoutes(app, {
    path: '/followups',
    tags: ['followups'],
    schemas: { query: ZListFollowupsQuery, page: ZCappedPage(ZFollowup), item: ZFollowup, create: ZCreateFollowupRequest, update: ZUpdateFollowupRequest },
    summaries: {
      list: 'Follow-up records I may see, newest first (by customer, follower, period)',
      create: "Log a follow-up; updates the customer's last follow-up, and a next follow-up time creates a task with a reminder",
      get: 'One follow-up record',
      edit: 'Edit a follow-up (send its version); its task follows the next follow-up time',
      remove: 'Delete a follow-up (kept in the audit trail; its open task is cancelled)',
    },
    service: { list: listVisibleFollowups, create: createFollowup, get: getFollowup, edit: editFollowup, remove: removeFollowup },
  });
  return app;
}
