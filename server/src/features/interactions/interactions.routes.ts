import { ZCreateInteractionRequest, ZInteraction, ZListInteractionsQuery, ZUpdateInteractionRequest } from '@guanxi/common/interactions';
import { ZPage } from '@guanxi/common/pagination';
import { addCrudRoutes } from '../../lib/crud-routes';
import { createRouter } from '../../lib/http';
import { createInteraction, editInteraction, getInteraction, listVisibleInteractions, removeInteraction } from './interactions.service';

export function interactionsRoutes() {
  const app = createRouter();
  addCrudRoutes(app, {
    path: '/interactions',
    tags: ['interactions'],
    schemas: { query: ZListInteractionsQuery, page: ZPage(ZInteraction), item: ZInteraction, create: ZCreateInteractionRequest, update: ZUpdateInteractionRequest },
    summaries: {
      list: 'Calls, emails, chats and meetings I may see, newest first (by customer, contact, kind)',
      create: 'Log a call (duration, problem type, result), email, chat or meeting with a customer and contact',
      get: 'One interaction',
      edit: 'Edit an interaction (send its version)',
      remove: 'Delete an interaction (kept in the audit trail)',
    },
    service: { list: listVisibleInteractions, create: createInteraction, get: getInteraction, edit: editInteraction, remove: removeInteraction },
  });
  return app;
}
