import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { boardChainHead, boardGenesis, clientVoteHash, newNonce, openReceipt, receiptFor, sealReceipt } from '../../server/services/ballot-receipts.ts'

describe('receipts', () => {
  test('a receipt commits to ballot, choice and nonce, and anyone can recompute it', () => {
    const nonce = newNonce()
    const receipt = receiptFor('b1', 'yes', nonce)
    expect(receipt).toBe(createHash('sha256').update(`plenum-ballot|b1|yes|${nonce}`).digest('hex'))
    expect(receiptFor('b1', 'no', nonce)).not.toBe(receipt)
    expect(receiptFor('b1', 'yes', newNonce())).not.toBe(receipt)
  })

  test('the sealed receipt opens with the same clientVoteId only', () => {
    const key = { ballotId: 'b1', representedId: 'p1', clientVoteId: 'device-chosen-id-123' }
    const box = sealReceipt(key, 'abc123')
    expect(openReceipt(key, box)).toBe('abc123')
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
})
