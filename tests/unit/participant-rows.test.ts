import { describe, expect, test } from 'vitest'
import { parseCsv } from '../../shared/csv.ts'
import { parseParticipantsCsv, parseParticipantsJson } from '../../shared/participants/participant-rows.ts'

describe('participants CSV', () => {
  test('reads LibreOffice/Excel French exports: semicolons, BOM, CRLF, accents, quotes', () => {
    const csv = '\uFEFFname;organisation;email;role\r\nÉloïse Lefèvre;Mairie de Saint-Étienne;eloise@example.fr;delegate\r\n"Dupont; Jean-Noël";"Communauté d’agglo ""Cœur"" d’Essonne";;attendee\r\n'
    const result = parseParticipantsCsv(csv)
    expect(result).toEqual({
      ok: true,
      value: {
        lines: [2, 3],
        rows: [
          { name: 'Éloïse Lefèvre', organisation: 'Mairie de Saint-Étienne', email: 'eloise@example.fr', role: 'delegate' },
          { name: 'Dupont; Jean-Noël', organisation: 'Communauté d’agglo "Cœur" d’Essonne', email: null, role: 'attendee' },
        ],
      },
    })
  })

  test('reads commas too, and French headers and roles', () => {
    const result = parseParticipantsCsv('Nom,Collectivité,Courriel,Rôle\nAmélie Durand,Ville de Brest,AMELIE@example.fr,Délégué\nLéa Martin,Villes Internet,,bureau\n')
    expect(result.ok && result.value.rows).toEqual([
      { name: 'Amélie Durand', organisation: 'Ville de Brest', email: 'amelie@example.fr', role: 'delegate' },
      { name: 'Léa Martin', organisation: 'Villes Internet', email: null, role: 'bureau' },
    ])
  })

  test('a bad row names its line and field, and nothing is kept', () => {
    const result = parseParticipantsCsv('name;organisation;email;role\nA;B;a@example.fr;delegate\nC;D;not-an-email;delegate\n;E;e@example.fr;chef\n')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((e) => [e.line, e.field, e.rule])).toEqual([
      [3, 'email', 'email'],
      [4, 'name', 'required'],
      [4, 'role', 'unknown_role'],
    ])
  })

  test('duplicate emails are refused, naming both lines', () => {
    const result = parseParticipantsCsv('name,organisation,email,role\nA,B,same@example.fr,delegate\nC,D,Same@example.fr,attendee\n')
    expect(result).toEqual({ ok: false, problems: [{ line: 3, field: 'email', rule: 'duplicate', otherLine: 2, message: '« same@example.fr » figure déjà ligne 2' }] })
  })

  test('a missing column or an empty file is an error on the header', () => {
    expect(parseParticipantsCsv('name;email\nA;a@b.fr')).toMatchObject({ ok: false, problems: [{ line: 1, field: 'header', rule: 'missing_columns', columns: ['role'] }] })
    expect(parseParticipantsCsv('')).toMatchObject({ ok: false, problems: [{ field: 'header' }] })
    expect(parseParticipantsCsv('name,organisation,email,role\n')).toMatchObject({ ok: false, problems: [{ field: 'row' }] })
  })

  test('line numbers count the lines inside quoted fields', () => {
    const { records } = parseCsv('a,b\n"x\ny",z\nlast,row\n')
    expect(records.map((r) => r.line)).toEqual([1, 2, 4])
    expect(records[1]!.fields).toEqual(['x\ny', 'z'])
  })

  test('JSON arrays go through the same checks', () => {
    expect(parseParticipantsJson([{ name: 'A', organisation: 'B', email: 'a@example.fr', role: 'advisor' }])).toMatchObject({ ok: true, value: { rows: [{ role: 'advisor' }] } })
    expect(parseParticipantsJson([{ name: 'A', role: 'delegate' }, { name: 3, role: 'delegate' }, 'x'])).toMatchObject({
      ok: false,
      problems: [{ line: 2, field: 'name' }, { line: 3, field: 'row' }],
    })
    expect(parseParticipantsJson({})).toMatchObject({ ok: false })
  })
})
