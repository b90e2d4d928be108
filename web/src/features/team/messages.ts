/** UI text of the team page (/team), Dutch first, English typed against it. Loaded with that page only. */
import { lang } from '../../i18n';

const nl = {
  title: (team: string) => `Mijn team: ${team}`,
  titlePlain: 'Mijn team',
  intro: 'Verplichte scholing per teamlid, wie te laat is eerst. Registervoortgang zie je alleen als een teamlid die met je deelt.',
  asOf: (date: string) => `Stand van ${date}`,
  summary: (members: number, overdue: number, due: number) => `${members} teamleden: ${overdue} te laat, ${due} nog te doen of verlopen.`,
  table: 'Verplichte scholing per teamlid',
  member: 'Teamlid',
  training: 'Verplichte scholing',
  progress: 'Registervoortgang',
  notShared: 'Niet gedeeld',
  nothing: 'Geen verplichte scholing',
  noMembers: 'Dit team heeft geen leden met verplichte scholing.',
  progressLine: (register: string, earned: number, required: number, unit: string) => `${register}: ${earned} van ${required} ${unit}`,
  csv: 'Download als CSV',
  noTeam: 'Je profiel noemt geen team dat je leidt.',
};

const en: typeof nl = {
  title: (team: string) => `My team: ${team}`,
  titlePlain: 'My team',
  intro: 'Mandatory training per team member, overdue first. You see register progress only when a team member shares it with you.',
  asOf: (date: string) => `As of ${date}`,
  summary: (members: number, overdue: number, due: number) => `${members} team members: ${overdue} overdue, ${due} to do or expired.`,
  table: 'Mandatory training per team member',
  member: 'Team member',
  training: 'Mandatory training',
  progress: 'Register progress',
  notShared: 'Not shared',
  nothing: 'No mandatory training',
  noMembers: 'This team has no members with mandatory training.',
  progressLine: (register: string, earned: number, required: number, unit: string) => `${register}: ${earned} of ${required} ${unit}`,
  csv: 'Download as CSV',
  noTeam: 'Your profile names no team you lead.',
};

export const teamText = () => (lang() === 'en' ? en : nl);
