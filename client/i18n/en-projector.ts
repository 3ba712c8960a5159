import type { ProjectorMessages } from './fr-projector.ts'

const ordinal = (n: number) => {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}

export const enProjector: ProjectorMessages = {
  amends: (text) => `Amends: ${text}`,
  preamble: 'Preamble',
  proposal: (n, title) => `Proposal ${n} — ${title}`,
  idleEdition: (edition, place) => `${ordinal(edition)} edition${place ? ` · ${place}` : ''}`,
  idlePhase: (phase) => `Phase: ${phase.toLocaleLowerCase('en')}`,
  idleJoin: 'Join the session',
  idleJoinHow: 'Scan the QR code or open:',
  idleRoomCode: 'Room code',
  idleRoomCodeHow: 'To check yourself in as present, enter this code on the voting page.',
  nextBallot: 'Next ballot',
  noBallotYet: 'No ballot is prepared yet.',
  tools: 'Screen settings',
  fullScreen: 'Full screen',
  leaveFullScreen: 'Leave full screen',
  fullScreenRefused: 'The browser refused full screen (press F11 instead).',
  textSize: 'Text size',
  smaller: 'Smaller text',
  larger: 'Larger text',
  sizeNow: (percent) => `${percent}%`,
  sizeKept: 'Setting kept on this device.',
}
