import { reviewsSchemas as s } from '../../types/actions/reviews';
import { action, defineFunction } from '../_lib/router';
import { addExpert, declareConflict, listExperts, setExpertActive } from './experts';
import { drawPanel, drawPanels, readPanel, recuse } from './panels';
import { reviewPermissions as can } from './permissions';
import { confirmResult, readResult } from './results';
import { askMaterials, decideAsk, listAsks } from './asks';
import { meetingNotes, readMeeting, scheduleMeeting } from './meetings';
import { panelConfirm } from './panelConfirm';
import { myResult, publicResults } from './publication';
import { reviewReport } from './report';
import { myAssignments, readAssignment, reopenScoresheet, saveScoresheet, submitScoresheet } from './scoresheets';

export const reviewsFunction = defineFunction('reviews', {
  addExpert: action({ input: s.addExpert, allow: can.managePool, run: addExpert }),
  listExperts: action({ input: s.listExperts, allow: can.managePool, run: listExperts }),
  setExpertActive: action({ input: s.setExpertActive, allow: can.managePool, run: setExpertActive }),
  drawPanel: action({ input: s.drawPanel, allow: can.drawPanel, run: drawPanel }),
  drawPanels: action({ input: s.drawPanels, allow: can.drawPanel, run: drawPanels }),
  panel: action({ input: s.panel, allow: can.readPanel, run: readPanel }),
  recuse: action({ input: s.recuse, allow: can.recuse, run: recuse }),
  declareConflict: action({ input: s.declareConflict, allow: can.declareConflict, run: declareConflict }),
  myAssignments: action({ input: s.myAssignments, allow: can.score, run: myAssignments }),
  assignment: action({ input: s.assignment, allow: can.score, run: readAssignment }),
  saveScoresheet: action({ input: s.saveScoresheet, allow: can.score, run: saveScoresheet }),
  submitScoresheet: action({ input: s.submitScoresheet, allow: can.score, run: submitScoresheet }),
  reopenScoresheet: action({ input: s.reopenScoresheet, allow: can.reopen, run: reopenScoresheet }),
  result: action({ input: s.result, allow: can.readResult, run: readResult }),
  confirm: action({ input: s.confirm, allow: can.confirm, run: confirmResult }),
  askMaterials: action({ input: s.askMaterials, allow: can.score, run: askMaterials }),
  decideAsk: action({ input: s.decideAsk, allow: can.decideAsk, run: decideAsk }),
  asks: action({ input: s.asks, allow: can.readAsks, run: listAsks }),
  scheduleMeeting: action({ input: s.scheduleMeeting, allow: can.manageMeeting, run: scheduleMeeting }),
  meetingNotes: action({ input: s.meetingNotes, allow: can.manageMeeting, run: meetingNotes }),
  meeting: action({ input: s.meeting, allow: can.readMeeting, run: readMeeting }),
  panelConfirm: action({ input: s.panelConfirm, allow: can.score, run: panelConfirm }),
  report: action({ input: s.report, allow: can.readReport, run: reviewReport }),
  publicResults: action({ input: s.publicResults, allow: can.publicResults, run: publicResults }),
  myResult: action({ input: s.myResult, allow: can.myResult, run: myResult }),
});
