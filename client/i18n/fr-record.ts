/** The record's pages: the comparative table (every member) and the minutes' preview (bureau). French, the reference for the other languages' keys. */
export const frRecord = {
  comparativeTitle: 'Tableau comparatif',
  comparativeIntro: 'Pour chaque texte : le texte soumis aux amendements, chaque amendement avec son sort et les mots qu’il change, et le texte à ce jour (adopté, une fois la motion gelée). Les numéros de ligne sont ceux des amendements.',
  comparativeLink: 'Tableau comparatif',
  comparativeLinkIntro: 'Comment chaque texte est arrivé à ses mots : texte initial, amendements et texte final, côte à côte.',
  minutesTitle: 'Procès-verbal',
  minutesIntro: 'Le procès-verbal tel qu’il serait scellé maintenant, établi à partir du journal des décisions, des scrutins et des prises de parole. Il entre dans le dossier scellé au gel.',
  minutesLink: 'Procès-verbal (aperçu)',
  download: 'Télécharger',
  downloadAs: (format: string) => `Télécharger (${format})`,
  formats: { pdf: 'PDF', odt: 'OpenDocument', docx: 'Word', md: 'Markdown' },
  print: 'Imprimer',
  tools: 'Télécharger ou imprimer',
  legend: 'Les mots ajoutés sont soulignés, les mots supprimés barrés.',
}
