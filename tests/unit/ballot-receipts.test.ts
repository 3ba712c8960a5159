import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { boardNonce, deviceNonceOf, receiptMatches } from '../../shared/ballots/receipt.ts'
import { boardChainHead, boardGenesis, clientVoteHash, duplicateReceipts, newNonce, openReceipt, receiptFor, sealReceipt } from '../../server/services/ballot-receipts.ts'

describe('receipts', () => {
  test('a receipt commits to ballot, choice and nonce, and anyone can recompute it', () => {
    const nonce = boardNonce(newNonce(), newNonce())
    const receipt = receiptFor('b1', 'yes', nonce)
    expect(receipt).toBe(createHash('sha256').update(`plenum-ballot|b1|yes|${nonce}`).digest('hex'))
    expect(receiptFor('b1', 'no', nonce)).not.toBe(receipt)
    expect(receiptFor('b1', 'yes', boardNonce(newNonce(), newNonce()))).not.toBe(receipt)
  })

  test('the device’s half of the nonce is in the receipt: the device recomputes it, another device’s half does not match', () => {
    const serverNonce = newNonce()
    const deviceNonce = newNonce()
    const receipt = receiptFor('b1', 'yes', boardNonce(serverNonce, deviceNonce))
    expect(deviceNonceOf(boardNonce(serverNonce, deviceNonce))).toBe(deviceNonce)
    expect(deviceNonceOf(serverNonce)).toBeNull()
    expect(receiptMatches({ ballotId: 'b1', choice: 'yes', serverNonce, deviceNonce, receipt })).toBe(true)
    expect(receiptMatches({ ballotId: 'b1', choice: 'yes', serverNonce, deviceNonce: newNonce(), receipt })).toBe(false)
    expect(receiptMatches({ ballotId: 'b1', choice: 'no', serverNonce, deviceNonce, receipt })).toBe(false)
    expect(receiptMatches({ ballotId: 'b1', choice: 'yes', serverNonce: 'not hex', deviceNonce, receipt })).toBe(false)
  })

  test('the sealed answer opens with the same clientVoteId only', () => {
    const key = { ballotId: 'b1', representedId: 'p1', clientVoteId: 'device-chosen-id-123' }
    const answer = { receipt: 'a'.repeat(64), nonce: 'b'.repeat(32) }
    const box = sealReceipt(key, answer)
    expect(openReceipt(key, box)).toEqual(answer)
    expect(openReceipt({ ...key, clientVoteId: 'device-chosen-id-124' }, box)).toBeUndefined()
    expect(openReceipt({ ...key, representedId: 'p2' }, box)).toBeUndefined()
    expect(clientVoteHash(key)).not.toBe(clientVoteHash({ ...key, clientVoteId: 'device-chosen-id-124' }))
  })

  test('the board’s chain head depends on the entries, not on the order votes came in', () => {
    const lines = [
      { receipt: 'c', choice: 'yes', name: null },
      { receipt: 'a', choice: 'no', name: null },
      { receipt: 'b', choice: 'abstain', name: null },
    ]
    expect(boardChainHead([])).toBe(boardGenesis)
    expect(boardChainHead(lines)).toBe(boardChainHead([...lines].reverse()))
    expect(boardChainHead(lines)).not.toBe(boardChainHead([{ ...lines[0]!, choice: 'no' }, lines[1]!, lines[2]!]))
  })

  test('a board with a receipt twice is flagged and gets no chain head', () => {
    const lines = [
      { receipt: 'a', choice: 'yes', name: null },
      { receipt: 'b', choice: 'yes', name: null },
      { receipt: 'a', choice: 'yes', name: null },
    ]
    expect(duplicateReceipts(lines)).toEqual(['a'])
    expect(duplicateReceipts(lines.slice(0, 2))).toEqual([])
    expect(() => boardChainHead(lines)).toThrow(/more than once/)
  })
})
