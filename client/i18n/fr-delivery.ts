/** The motion's deliveries to advisors: the list, and the printable slip of a delivery just recorded. French, the reference for the other languages' keys. */
export const frDelivery = {
  recorded: (name: string) => `Remise à ${name} enregistrée. Son code d’accès n’est affiché qu’ici, une seule fois : imprimez la fiche de remise maintenant.`,
  slipHeading: (name: string) => `Fiche de remise pour ${name}`,
  slipLink: 'Lien personnel du conseiller (dans le QR code de la fiche) :',
  slip: 'Télécharger la fiche de remise (PDF)',
  slipPending: 'Préparation de la fiche…',
  slipReady: 'Fiche de remise téléchargée : imprimez-la et joignez-la à la motion.',
  slipFailed: 'La fiche n’a pas pu être préparée.',
  slipName: (name: string) => `fiche-remise-${name}.pdf`,
}

export type DeliveryMessages = typeof frDelivery
