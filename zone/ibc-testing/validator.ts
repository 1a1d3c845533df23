// One ed25519 validator that signs CometBFT headers for an in-process chain, so a light
// client on another chain can follow it: the header hash, validator set hash and vote sign
// bytes are CometBFT's, only the network is missing.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '../../app/store/hash.js';
import { voteSignBytes } from '../../app/cometbft/canonical.js';
import { SignedMsgType, type Header, type SignedHeader } from 'cosmjs-types/tendermint/types/types';
import { BlockIDFlag } from 'cosmjs-types/tendermint/types/validator';
import type { ValidatorSet } from 'cosmjs-types/tendermint/types/validator';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import { headerHash, validatorSetHash } from '../../ibc/light-clients/07-tendermint/index.js';

export class SigningValidator {
  readonly privateKey: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly address: Uint8Array;

  constructor(seed: number, readonly power = 10n) {
    this.privateKey = sha256(new TextEncoder().encode(`zonekit-ibc-testing-validator-${seed}`));
    this.publicKey = ed25519.getPublicKey(this.privateKey);
    this.address = sha256(this.publicKey).subarray(0, 20);
  }

  validatorSet(): ValidatorSet {
    const validator = { address: this.address, pubKey: { ed25519: this.publicKey }, votingPower: this.power, proposerPriority: 0n };
    return { validators: [validator], proposer: validator, totalVotingPower: this.power };
  }

  /** A header at `height` committing to `appHash`, signed by this validator alone. */
  signHeader(chainId: string, height: bigint, time: Timestamp, appHash: Uint8Array): SignedHeader {
    const valsHash = validatorSetHash(this.validatorSet());
    const filler = (tag: string) => sha256(new TextEncoder().encode(`${chainId}/${height}/${tag}`));
    const header: Header = {
      version: { block: 11n, app: 0n },
      chainId,
      height,
      time,
      lastBlockId: { hash: filler('last-block'), partSetHeader: { total: 1, hash: filler('last-parts') } },
      lastCommitHash: filler('last-commit'),
      dataHash: filler('data'),
      validatorsHash: valsHash,
      nextValidatorsHash: valsHash,
      consensusHash: filler('consensus'),
      appHash,
      lastResultsHash: filler('results'),
      evidenceHash: filler('evidence'),
      proposerAddress: this.address,
    };
    const blockId = { hash: headerHash(header), partSetHeader: { total: 1, hash: filler('parts') } };
    const vote = {
      type: SignedMsgType.SIGNED_MSG_TYPE_PRECOMMIT,
      height,
      round: 0,
      blockId,
      timestamp: time,
      validatorAddress: this.address,
      validatorIndex: 0,
      signature: new Uint8Array(),
      extension: new Uint8Array(),
      extensionSignature: new Uint8Array(),
    };
    const signature = ed25519.sign(voteSignBytes(chainId, vote), this.privateKey);
    return {
      header,
      commit: {
        height,
        round: 0,
        blockId,
        signatures: [{ blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT, validatorAddress: this.address, timestamp: time, signature }],
      },
    };
  }
}
