// The court's messages, under the SDK's names: MsgUnjail (cosmos.slashing.v1beta1) and
// MsgSubmitEvidence (cosmos.evidence.v1beta1) carrying a CometBFT DuplicateVoteEvidence.
import { toHex } from '@cosmjs/encoding';
import { MsgSubmitEvidence, MsgSubmitEvidenceResponse } from 'cosmjs-types/cosmos/evidence/v1beta1/tx';
import { MsgUnjail, MsgUnjailResponse } from 'cosmjs-types/cosmos/slashing/v1beta1/tx';
import { DuplicateVoteEvidence } from 'cosmjs-types/tendermint/types/evidence';
import { CodedError, ErrInvalidAddress } from '../../app/errors.js';
import type { MsgHandler } from '../../app/module.js';
import { DUPLICATE_VOTE_EVIDENCE_TYPE_URL, validateDuplicateVote } from './duplicate-vote.js';
import { judgeSubmittedEvidence } from './equivocation.js';
import { ErrInvalidEvidence, ErrNoEvidenceHandlerExists } from './errors.js';
import type { CourtKeeper } from './keeper.js';
import { unjail } from './unjail.js';

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The evidence inside the message, decoded and checked statelessly; throws a CodedError. */
function duplicateVote(msg: MsgSubmitEvidence): DuplicateVoteEvidence {
  if (msg.evidence === undefined) throw ErrInvalidEvidence.wrap('missing evidence');
  if (msg.evidence.typeUrl !== DUPLICATE_VOTE_EVIDENCE_TYPE_URL) {
    throw ErrNoEvidenceHandlerExists.wrap(`${msg.evidence.typeUrl || '(empty type URL)'}; the court judges ${DUPLICATE_VOTE_EVIDENCE_TYPE_URL}`);
  }
  let evidence: DuplicateVoteEvidence;
  try {
    evidence = DuplicateVoteEvidence.decode(msg.evidence.value);
  } catch (err) {
    throw ErrInvalidEvidence.wrap(`malformed ${DUPLICATE_VOTE_EVIDENCE_TYPE_URL}: ${reason(err)}`);
  }
  validateDuplicateVote(evidence);
  return evidence;
}

export function courtMsgs(keeper: CourtKeeper): Record<string, MsgHandler> {
  const { addresses } = keeper;
  const operatorBytes = (operator: string): Uint8Array => {
    try {
      return addresses.operator.decode(operator);
    } catch (err) {
      throw ErrInvalidAddress.wrap(`validator input address: ${err instanceof CodedError ? err.message : reason(err)}`);
    }
  };

  const unjailHandler: MsgHandler<MsgUnjail> = {
    decode: (value) => MsgUnjail.decode(value),
    // The operator's own account signs: the same bytes under the account prefix.
    signers: (msg) => [addresses.account.encode(operatorBytes(msg.validatorAddr))],
    validate: (msg) => void operatorBytes(msg.validatorAddr),
    handle(ctx, msg) {
      unjail(keeper, ctx, msg.validatorAddr);
      return { typeUrl: MsgUnjailResponse.typeUrl, value: MsgUnjailResponse.encode({}).finish() };
    },
  };

  const submitEvidence: MsgHandler<MsgSubmitEvidence> = {
    decode: (value) => MsgSubmitEvidence.decode(value),
    signers: (msg) => [msg.submitter],
    validate(msg) {
      try {
        addresses.account.decode(msg.submitter);
      } catch (err) {
        throw ErrInvalidAddress.wrap(`invalid submitter address: ${reason(err)}`);
      }
      duplicateVote(msg);
    },
    handle(ctx, msg) {
      const trial = judgeSubmittedEvidence(keeper, ctx, duplicateVote(msg), msg.submitter);
      ctx.events.emit('submit_evidence', ['evidence_hash', toHex(trial.evidenceHash).toUpperCase()]);
      return { typeUrl: MsgSubmitEvidenceResponse.typeUrl, value: MsgSubmitEvidenceResponse.encode({ hash: trial.evidenceHash }).finish() };
    },
  };

  return { [MsgUnjail.typeUrl]: unjailHandler, [MsgSubmitEvidence.typeUrl]: submitEvidence };
}
