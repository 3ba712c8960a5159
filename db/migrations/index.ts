import type { Migration } from 'kysely'
import * as m0001 from './0001-initial.ts'
import * as m0002 from './0002-congress-governance.ts'
import * as m0003 from './0003-amendments.ts'
import * as m0004 from './0004-ballots.ts'
import * as m0005 from './0005-seal.ts'
import * as m0006 from './0006-code-hashes.ts'
import * as m0007 from './0007-vote-cast-time.ts'
import * as m0008 from './0008-voted-texts.ts'
import * as m0009 from './0009-known-values.ts'
import * as m0010 from './0010-room-codes.ts'
import * as m0011 from './0011-amendment-opinions.ts'
import * as m0012 from './0012-vote-orders.ts'
import * as m0013 from './0013-fallen-amendments.ts'
import * as m0014 from './0014-floor.ts'
import * as m0015 from './0015-sub-amendments.ts'
import * as m0016 from './0016-room-counts.ts'
import * as m0017 from './0017-block-votes.ts'
import * as m0018 from './0018-divided-votes.ts'
import * as m0019 from './0019-debated-amendments.ts'
import * as m0020 from './0020-text-versions.ts'
import * as m0021 from './0021-notifications.ts'
import * as m0022 from './0022-amendment-rulings.ts'
import * as m0023 from './0023-congress-time-zone.ts'

/** Every migration, by name; names sort in the order they apply. */
export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-congress-governance': m0002,
  '0003-amendments': m0003,
  '0004-ballots': m0004,
  '0005-seal': m0005,
  '0006-code-hashes': m0006,
  '0007-vote-cast-time': m0007,
  '0008-voted-texts': m0008,
  '0009-known-values': m0009,
  '0010-room-codes': m0010,
  '0011-amendment-opinions': m0011,
  '0012-vote-orders': m0012,
  '0013-fallen-amendments': m0013,
  '0014-floor': m0014,
  '0015-sub-amendments': m0015,
  '0016-room-counts': m0016,
  '0017-block-votes': m0017,
  '0018-divided-votes': m0018,
  '0019-debated-amendments': m0019,
  '0020-text-versions': m0020,
  '0021-notifications': m0021,
  '0022-amendment-rulings': m0022,
  '0023-congress-time-zone': m0023,
}
