// `zonekit tx court unjail|submit-evidence` and `zonekit query court trials|trial|signing-info|params`.
import { readFileSync } from 'node:fs';
import { fromBech32, toBech32 } from '@cosmjs/encoding';
import { MsgSubmitEvidence } from 'cosmjs-types/cosmos/evidence/v1beta1/tx';
import { QuerySigningInfoRequest, QuerySigningInfoResponse } from 'cosmjs-types/cosmos/slashing/v1beta1/query';
import { MsgUnjail } from 'cosmjs-types/cosmos/slashing/v1beta1/tx';
import { DuplicateVoteEvidence } from 'cosmjs-types/tendermint/types/evidence';
import type { ModuleCli } from '../../app/cli-types.js';
import { rfc3339 } from '../../app/rest/proto-json.js';
import {
  QueryParamsRequest as QueryCourtParamsRequest,
  QueryParamsResponse as QueryCourtParamsResponse,
  QueryTrialRequest,
  QueryTrialResponse,
  QueryTrialsRequest,
  QueryTrialsResponse,
} from '../../gen/zonekit/court/v1/query.js';
import { DUPLICATE_VOTE_EVIDENCE_TYPE_URL } from './duplicate-vote.js';
import { duplicateVoteFromJson } from './evidence-json.js';
import { evidenceFromProto, evidenceParamsJson, fromSlashingParams, slashingParamsJson } from './params.js';
import { QUERY_COURT_PARAMS_PATH, QUERY_TRIAL_PATH, QUERY_TRIALS_PATH, SLASHING_QUERY } from './queries.js';
import { trialToJson, type TrialJson } from './trial-json.js';

const BECH32_LIMIT = 90;

function trialLine(t: TrialJson): string {
  const kind = t.kind.replace('INFRACTION_KIND_', '').toLowerCase();
  const verdict = t.verdict.replace('VERDICT_', '').toLowerCase();
  return `#${t.id} ${kind} at height ${t.infraction_height}: ${t.validator_address} ${verdict}, ${t.slashed.burned} burned, jailed until ${t.jailed_until}`;
}

export const courtCli: ModuleCli = {
  tx: [
    {
      usage: 'unjail',
      description: "unjail the --from account's validator once its jail time is over",
      async run(ctx, _args, { from }) {
        if (typeof from !== 'string') throw new Error("--from <key_or_address> is required: the validator operator's account");
        const account = await ctx.address(from);
        const { prefix, data } = fromBech32(account, BECH32_LIMIT);
        const msg = MsgUnjail.fromPartial({ validatorAddr: toBech32(`${prefix}valoper`, data, BECH32_LIMIT) });
        await ctx.submit(from, [{ typeUrl: MsgUnjail.typeUrl, value: MsgUnjail.encode(msg).finish() }]);
      },
    },
    {
      usage: 'submit-evidence <file.json>',
      description: "submit a double sign (CometBFT's DuplicateVoteEvidence, as JSON from CometBFT or protobuf JSON) for the court to judge",
      async run(ctx, [file], { from }) {
        if (typeof from !== 'string') throw new Error('--from <key_or_address> is required: the submitter');
        let json: unknown;
        try {
          json = JSON.parse(readFileSync(file!, 'utf8'));
        } catch (err) {
          throw new Error(`cannot read evidence from ${file}: ${err instanceof Error ? err.message : String(err)}`);
        }
        const evidence = duplicateVoteFromJson(json);
        const submitter = await ctx.address(from);
        const msg = MsgSubmitEvidence.fromPartial({ submitter, evidence: { typeUrl: DUPLICATE_VOTE_EVIDENCE_TYPE_URL, value: DuplicateVoteEvidence.encode(evidence).finish() } });
        await ctx.submit(from, [{ typeUrl: MsgSubmitEvidence.typeUrl, value: MsgSubmitEvidence.encode(msg).finish() }]);
      },
    },
  ],
  query: [
    {
      usage: 'trials',
      description: "the court's trials, oldest first (or one validator's, with --validator)",
      options: [
        { flags: '--validator <address>', description: 'only this validator (valoper or valcons address)' },
        { flags: '--limit <n>', description: 'at most this many trials', default: '100' },
        { flags: '--offset <n>', description: 'skip this many trials', default: '0' },
        { flags: '--reverse', description: 'newest first' },
      ],
      async run(ctx, _args, { validator, limit, offset, reverse }) {
        for (const [name, value] of [['--limit', limit], ['--offset', offset]] as const) {
          if (typeof value !== 'string' || !/^[0-9]{1,19}$/.test(value)) throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}`);
        }
        const request = QueryTrialsRequest.encode({
          validator: typeof validator === 'string' ? validator : '',
          pagination: { key: new Uint8Array(), offset: BigInt(offset as string), limit: BigInt(limit as string), countTotal: true, reverse: reverse === true },
        }).finish();
        const response = QueryTrialsResponse.decode(await ctx.query(QUERY_TRIALS_PATH, request));
        const trials = response.trials.map(trialToJson);
        ctx.print({ trials, pagination: { total: (response.pagination?.total ?? 0n).toString() } }, () => (trials.length === 0 ? '(no trials)' : trials.map(trialLine).join('\n')));
      },
    },
    {
      usage: 'trial <id>',
      description: 'one trial: the evidence, the validator, the verdict and what was slashed from whom',
      async run(ctx, [id]) {
        if (!/^[1-9][0-9]*$/.test(id!)) throw new Error(`<id> must be a trial number (1 or more), got ${JSON.stringify(id)}`);
        const { trial } = QueryTrialResponse.decode(await ctx.query(QUERY_TRIAL_PATH, QueryTrialRequest.encode({ id: BigInt(id!) }).finish()));
        if (trial === undefined) throw new Error(`trial ${id} not found`);
        const json = trialToJson(trial);
        ctx.print({ trial: json }, () => JSON.stringify(json, null, 2));
      },
    },
    {
      usage: 'signing-info <cons_address>',
      description: "a validator's liveness record by its consensus address (valcons)",
      async run(ctx, [consAddress]) {
        const response = QuerySigningInfoResponse.decode(await ctx.query(SLASHING_QUERY.signingInfo, QuerySigningInfoRequest.encode({ consAddress: consAddress! }).finish()));
        const i = response.valSigningInfo;
        const json = {
          address: i.address,
          start_height: i.startHeight.toString(),
          index_offset: i.indexOffset.toString(),
          jailed_until: rfc3339(i.jailedUntil.seconds, i.jailedUntil.nanos),
          tombstoned: i.tombstoned,
          missed_blocks_counter: i.missedBlocksCounter.toString(),
        };
        ctx.print({ val_signing_info: json }, () => Object.entries(json).map(([k, v]) => `${k}: ${v}`).join('\n'));
      },
    },
    {
      usage: 'params',
      description: 'the slashing params and the evidence age limits',
      async run(ctx) {
        const { slashing, evidence } = QueryCourtParamsResponse.decode(await ctx.query(QUERY_COURT_PARAMS_PATH, QueryCourtParamsRequest.encode({}).finish()));
        const json = {
          slashing: slashing === undefined ? null : slashingParamsJson(fromSlashingParams(slashing)),
          evidence: evidence === undefined ? null : evidenceParamsJson(evidenceFromProto(evidence)),
        };
        ctx.print(json, () => Object.entries({ ...json.slashing, ...json.evidence }).map(([k, v]) => `${k}: ${v}`).join('\n'));
      },
    },
  ],
};
