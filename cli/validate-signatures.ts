// `tx validate-signatures <file>`, as simd's: the tx's signers, then each signature checked
// against its signer (the key's address) and, unless --offline, against the account on chain
// (number and sequence) over the sign bytes of its mode. Non-zero exit when one fails.
import { BaseAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { QueryAccountRequest, QueryAccountResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { CodedError } from '../app/errors.js';
import { accountPubKeyFromAny, addressOfAccountPubKey, toBech32Address } from '../app/tx/address.js';
import { decodeTx } from '../app/tx/decode.js';
import { verifySecp256k1 } from '../app/tx/secp256k1.js';
import { signatureDataOf, signatureFault } from '../app/tx/signatures.js';
import { txToBytes } from '../app/tx/tx-json.js';
import { abciQuery, nodeChainId } from './chain.js';
import { theZone } from './context.js';
import { CliError, print, type OutputFormat } from './output.js';
import { readTxFile, txSigners } from './tx.js';

interface SignatureCheck {
  index: number;
  address: string;
  /** `OK`, or what is wrong, as simd's `[...]` column. */
  status: string;
}

export async function validateSignatures(path: string, flags: { node: string; offline: boolean; chainId?: string; output: OutputFormat }): Promise<void> {
  const tx = readTxFile(path);
  const signers = txSigners(tx);
  const decoded = decodeTx(txToBytes(tx));
  const zone = theZone();
  const prefix = zone.app.bech32Prefix;
  const chainId = flags.offline ? flags.chainId : (flags.chainId ?? (await nodeChainId(flags.node)));
  const checks: SignatureCheck[] = [];
  for (let i = 0; i < Math.max(signers.length, tx.signatures.length); i++) {
    const info = decoded.authInfo.signerInfos[i];
    if (i >= tx.signatures.length || info === undefined) {
      checks.push({ index: i, address: signers[i]!, status: 'ERROR: missing signature' });
      continue;
    }
    if (info.publicKey === undefined) {
      checks.push({ index: i, address: signers[i] ?? '(no signer)', status: 'ERROR: the signer info has no public key' });
      continue;
    }
    let status = 'OK';
    let address = signers[i] ?? '(no signer)';
    try {
      const pubKey = accountPubKeyFromAny(info.publicKey);
      address = toBech32Address(prefix, addressOfAccountPubKey(pubKey));
      if (address !== signers[i]) status = 'ERROR: signature does not match its respective signer';
      else if (!flags.offline) {
        const { account } = QueryAccountResponse.decode(await abciQuery(flags.node, '/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest.encode({ address }).finish()));
        if (account?.typeUrl !== '/cosmos.auth.v1beta1.BaseAccount') throw new CliError(`account ${address} is ${account === undefined ? 'not on chain' : `a ${account.typeUrl}, which cannot sign`}`);
        const state = BaseAccount.decode(account.value);
        const fault = signatureFault(decoded, pubKey, signatureDataOf(decoded, i), decoded.signatures[i]!, chainId!, { address, accountNumber: state.accountNumber, sequence: state.sequence }, { aminoConverters: zone.app.aminoConverters }, verifySecp256k1);
        if (fault !== undefined) status = `ERROR: signature verification failed (${fault}; account number ${state.accountNumber}, sequence ${state.sequence}, chain-id ${chainId})`;
      }
    } catch (err) {
      if (!(err instanceof CodedError) && !(err instanceof CliError)) throw err;
      status = `ERROR: ${err.message}`;
    }
    checks.push({ index: i, address, status });
  }
  const valid = checks.every((c) => c.status === 'OK');
  print(flags.output, { signers, signatures: checks, valid }, () =>
    ['Signers:', ...signers.map((s, i) => `  ${i}: ${s}`), '', 'Signatures:', ...checks.map((c) => `  ${c.index}: ${c.address}\t\t\t[${c.status}]`), ''].join('\n'),
  );
  if (!valid) throw new CliError('signatures validation failed', flags.offline ? undefined : 'sign it again with: zonekit tx sign <file> --from <key>');
}
