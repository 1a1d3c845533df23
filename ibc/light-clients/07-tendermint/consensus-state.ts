// The 07-tendermint consensus state: what the client remembers of a counterparty block
// (its time, app hash as the commitment root, and the validators of the next block).
import type { ConsensusState } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { Header } from 'cosmjs-types/tendermint/types/types';
import { ErrInvalidConsensus } from '../../core/02-client/errors.js';
import { invalidHash } from './commit.js';
import { invalidTimestamp } from './time.js';

/** The consensus state a verified header gives (ibc-go's Header.ConsensusState). */
export function consensusStateFromHeader(header: Header): ConsensusState {
  return { timestamp: header.time, root: { hash: header.appHash }, nextValidatorsHash: header.nextValidatorsHash };
}

/** ibc-go's ConsensusState.ValidateBasic. */
export function validateConsensusState(cs: ConsensusState): void {
  if (cs.root.hash.length === 0) throw ErrInvalidConsensus.wrap('root cannot be empty');
  const hash = invalidHash(cs.nextValidatorsHash);
  if (hash !== undefined) throw ErrInvalidConsensus.wrap(`next validators hash is invalid: ${hash}`);
  const time = invalidTimestamp(cs.timestamp);
  if (time !== undefined) throw ErrInvalidConsensus.wrap(time);
  if (cs.timestamp.seconds <= 0n) throw ErrInvalidConsensus.wrap('timestamp must be a positive Unix time');
}
