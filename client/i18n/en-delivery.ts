import type { DeliveryMessages } from './fr-delivery.ts'

export const enDelivery: DeliveryMessages = {
  recorded: (name) => `Delivery to ${name} recorded. Their access code is shown here only, once: print the delivery slip now.`,
  slipHeading: (name) => `Delivery slip for ${name}`,
  slipLink: 'The advisor’s personal link (in the slip’s QR code):',
  slip: 'Download the delivery slip (PDF)',
  slipPending: 'Preparing the slip…',
  slipReady: 'Delivery slip downloaded: print it and hand it over with the motion.',
  slipFailed: 'The slip could not be prepared.',
  slipName: (name) => `delivery-slip-${name}.pdf`,
}
