import { odtNamespaces, odtPackage, odtXml } from './odt-package.ts'
import { frenchDate, isCarried, votesLine, type MotionData } from '../../shared/motion/motion-data.ts'

function contentXml(motion: MotionData): string {
  const body: string[] = []
  const h = (level: number, text: string) => body.push(`<text:h text:style-name="Heading_20_${level}" text:outline-level="${level}">${odtXml(text)}</text:h>`)
  const p = (text: string, style = 'Text_20_body') => body.push(`<text:p text:style-name="${style}">${odtXml(text)}</text:p>`)
  const { congress } = motion
  body.push(`<text:h text:style-name="Title" text:outline-level="1">${odtXml(congress.title)}</text:h>`)
  p(`${congress.organisation} — ${congress.edition}e édition, ${congress.place}, ${congress.date}.`)
  p(`Motion gelée le ${frenchDate(motion.frozenAt)} (${motion.frozenAt}).`)
  if (motion.motionVotes) p(`Vote sur l’ensemble de la motion : ${votesLine(motion.motionVotes)}.`, 'Votes')
  h(1, 'Préambule')
  for (const paragraph of motion.preamble) p(paragraph)
  for (const theme of motion.themes) {
    h(1, `${theme.position}. ${theme.title}`)
    const carried = theme.proposals.filter(isCarried)
    if (carried.length === 0) p('Aucune proposition adoptée sous cette question.', 'Votes')
    for (const proposal of carried) {
      h(2, `Proposition ${proposal.number} — ${proposal.title}`)
      for (const paragraph of proposal.paragraphs) p(paragraph)
      if (proposal.votes) p(`${votesLine(proposal.votes)}.`, 'Votes')
    }
  }
  const others = motion.themes.flatMap((t) => t.proposals).filter((x) => !isCarried(x))
  if (others.length > 0) {
    h(1, 'Propositions non retenues')
    for (const x of others) p(`Proposition ${x.number} — ${x.title} : ${x.votes ? votesLine(x.votes) : 'non mise aux voix'}.`)
  }
  h(1, 'Annexe — amendements intégrés')
  if (motion.amendmentsMerged.length === 0) p('Aucun amendement intégré.')
  for (const a of motion.amendmentsMerged) {
    p(`${a.label} (${a.proposalNumber === null ? 'préambule' : `proposition ${a.proposalNumber}`}), intégré le ${frenchDate(a.mergedAt)}${a.votes ? ` — ${votesLine(a.votes)}` : ''}.`)
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${odtNamespaces}><office:body><office:text>${body.join('')}</office:text></office:body></office:document-content>\n`
}

const stylesXml = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${odtNamespaces}><office:font-face-decls/><office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="11pt" fo:language="fr" fo:country="FR"/></style:default-style>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.25cm"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:text-properties fo:font-size="20pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.6cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.4cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="12.5pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Votes" style:family="paragraph"><style:text-properties fo:font-style="italic" fo:font-size="10pt"/></style:style>
</office:styles></office:document-styles>
`

function metaXml(motion: MotionData): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta ${odtNamespaces}><office:meta><dc:title>${odtXml(`${motion.congress.title} — motion`)}</dc:title><dc:language>fr-FR</dc:language><meta:creation-date>${motion.frozenAt.replace(/Z$/, '')}</meta:creation-date><meta:generator>Plenum</meta:generator></office:meta></office:document-meta>\n`
}

/** motion.odt: the OpenDocument text French administrations are asked to prefer, dated the freeze. */
export function renderMotionOdt(motion: MotionData): Uint8Array {
  return odtPackage({ content: contentXml(motion), styles: stylesXml, meta: metaXml(motion) }, motion.frozenAt)
}
