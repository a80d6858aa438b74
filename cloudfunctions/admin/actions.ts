import { adminSchemas } from '../../types/actions/admin';
import { action, defineFunction } from '../_lib/router';
import { createInvite } from './createInvite';
import { adminPermissions as can } from './permissions';
import { readAuditTrail } from './readAuditTrail';
import { setClock } from './setClock';
import { runJobs } from '../notify/jobs';
import { exportDataset } from './exportDataset';
import { readDashboard } from './readDashboard';
import { readTodo } from './readTodo';

export const adminFunction = defineFunction('admin', {
  createInvite: action({ input: adminSchemas.createInvite, allow: can.createInvite, run: createInvite }),
  setClock: action({ input: adminSchemas.setClock, allow: can.setClock, run: setClock, testClockOnly: true }),
  auditTrail: action({ input: adminSchemas.auditTrail, allow: can.readAuditTrail, run: readAuditTrail }),
  runJobs: action({ input: adminSchemas.runJobs, allow: can.runJobs, run: (_input, ctx) => runJobs(ctx), testClockOnly: true }),
  export: action({ input: adminSchemas.export, allow: can.export, run: exportDataset }),
  dashboard: action({ input: adminSchemas.dashboard, allow: can.dashboard, run: readDashboard }),
  todo: action({ input: adminSchemas.todo, allow: can.todo, run: readTodo }),
});
