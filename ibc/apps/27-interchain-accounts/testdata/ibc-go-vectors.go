// The Go program that printed the expected values in ../types/ibc-go-vectors.test.ts, by
// calling ibc-go v8.8.0's and cosmos-sdk v0.50.9's own functions. To run it again, from an
// empty folder holding this file as main.go:
//
//   go mod init icafix
//   go mod edit -require github.com/cosmos/ibc-go/v8@v8.8.0 \
//     -replace github.com/syndtr/goleveldb=github.com/syndtr/goleveldb@v1.0.1-0.20210819022825-2ae1ddf74ef7
//   GOFLAGS=-mod=mod go run .
//
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	txv1beta1 "cosmossdk.io/api/cosmos/tx/v1beta1"
	basev1beta1 "cosmossdk.io/api/cosmos/base/v1beta1"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	"cosmossdk.io/x/tx/signing"
	"cosmossdk.io/x/tx/signing/aminojson"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkaddress "github.com/cosmos/cosmos-sdk/types/address"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	gogoproto "github.com/cosmos/gogoproto/proto"
	controllertypes "github.com/cosmos/ibc-go/v8/modules/apps/27-interchain-accounts/controller/types"
	icatypes "github.com/cosmos/ibc-go/v8/modules/apps/27-interchain-accounts/types"
	channeltypes "github.com/cosmos/ibc-go/v8/modules/core/04-channel/types"
	ibcerrors "github.com/cosmos/ibc-go/v8/modules/core/errors"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
)

var out = map[string]any{}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	registry := codectypes.NewInterfaceRegistry()
	authtypes.RegisterInterfaces(registry)
	banktypes.RegisterInterfaces(registry)
	stakingtypes.RegisterInterfaces(registry)
	icatypes.RegisterInterfaces(registry)
	cdc := codec.NewProtoCodec(registry)

	hostAcc := sdkaddress.Module(icatypes.ModuleName, []byte("icahost-accounts"))
	out["host_module_account_hex"] = hex.EncodeToString(hostAcc)

	owner := "cosmos17dtl0mjt3t77kpuhg2edqzjpszulwhgzuj9ljs"
	port, _ := icatypes.NewControllerPortID(owner)
	out["owner"] = owner
	out["controller_port"] = port
	appHash := sha256.Sum256([]byte("zonekit"))
	out["app_hash_hex"] = hex.EncodeToString(appHash[:])
	ctx := sdk.Context{}.WithBlockHeader(cmtproto.Header{AppHash: appHash[:]})
	addr := icatypes.GenerateAddress(ctx, "connection-0", port)
	out["address_hex"] = hex.EncodeToString(addr)
	out["address"] = addr.String()
	ctxEmpty := sdk.Context{}.WithBlockHeader(cmtproto.Header{})
	out["address_empty_app_hash"] = icatypes.GenerateAddress(ctxEmpty, "connection-7", "icacontroller-x").String()

	out["default_metadata"] = icatypes.NewDefaultMetadataString("connection-0", "connection-1")
	md := icatypes.NewMetadata(icatypes.Version, "connection-0", "connection-1", addr.String(), icatypes.EncodingProtobuf, icatypes.TxTypeSDKMultiMsg)
	out["metadata_with_address"] = string(icatypes.ModuleCdc.MustMarshalJSON(&md))
	md2 := icatypes.NewMetadata("ics27-1", "connection-0", "connection-1", "", "proto3", "a<b>&\u2028é")
	out["metadata_escaping"] = string(icatypes.ModuleCdc.MustMarshalJSON(&md2))

	parse := map[string]string{}
	for _, v := range []string{
		`{"version":"ics27-1"}`,
		`{"version":"ics27-1","controllerConnectionId":"connection-0"}`,
		`{"version":"ics27-1","unknown":"x"}`,
		`{"version":null}`,
		`null`,
		`ics27-1`,
		``,
		`{"version":"ics27-1"} trailing`,
		`{"version":"ics27-1"}{"x":1}`,
		`{"version":1}`,
		`[]`,
		` {"tx_type":"sdk_multi_msg"} `,
		`{"version":"ics27-1","version":"x"}`,
	} {
		m, err := icatypes.MetadataFromVersion(v)
		if err != nil {
			parse[v] = "ERR " + err.Error()
		} else {
			parse[v] = fmt.Sprintf("%+v", m)
		}
	}
	out["metadata_parse"] = parse

	to := sdk.AccAddress(make([]byte, 20)).String()
	send := &banktypes.MsgSend{FromAddress: addr.String(), ToAddress: to, Amount: sdk.NewCoins(sdk.NewCoin("stake", sdkmath.NewInt(100)))}
	delegate := &stakingtypes.MsgDelegate{DelegatorAddress: addr.String(), ValidatorAddress: "cosmosvaloper1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqkh6mvu", Amount: sdk.NewCoin("stake", sdkmath.NewInt(7))}
	txBytes, err := icatypes.SerializeCosmosTx(cdc, []gogoproto.Message{send, delegate}, icatypes.EncodingProtobuf)
	must(err)
	out["cosmos_tx_hex"] = hex.EncodeToString(txBytes)
	jsonTx, err := icatypes.SerializeCosmosTx(cdc, []gogoproto.Message{send}, icatypes.EncodingProto3JSON)
	must(err)
	out["cosmos_tx_proto3json"] = string(jsonTx)

	pd := icatypes.InterchainAccountPacketData{Type: icatypes.EXECUTE_TX, Data: txBytes, Memo: ""}
	out["packet_data"] = string(pd.GetBytes())
	pd2 := icatypes.InterchainAccountPacketData{Type: icatypes.EXECUTE_TX, Data: []byte{1, 2, 3}, Memo: "a<b>&\"c\"\n"}
	out["packet_data_memo"] = string(pd2.GetBytes())

	pparse := map[string]string{}
	for _, v := range []string{
		`{"type":1,"data":"AQID"}`,
		`{"type":"TYPE_EXECUTE_TX","data":"AQID","memo":"m"}`,
		`{"type":"EXECUTE_TX","data":"AQID"}`,
		`{"type":2,"data":"AQID"}`,
		`{"type":"TYPE_EXECUTE_TX","data":"AQID","extra":1}`,
		`{"type":"TYPE_EXECUTE_TX","data":null}`,
		`{"type":"TYPE_EXECUTE_TX","data":"AQI"}`,
		`{"type":"TYPE_EXECUTE_TX","data":"AQ-_"}`,
		`{"type":"TYPE_EXECUTE_TX","data":"AQID"} junk`,
		`null`,
		`{}`,
		`{"type":"1","data":"AQID"}`,
		`{"type":1.0,"data":"AQID"}`,
		`{"type":1,"data":"AQID","memo":5}`,
	} {
		var d icatypes.InterchainAccountPacketData
		if err := d.UnmarshalJSON([]byte(v)); err != nil {
			pparse[v] = "ERR " + err.Error()
		} else {
			pparse[v] = fmt.Sprintf("type=%d data=%x memo=%q", d.Type, d.Data, d.Memo)
		}
	}
	out["packet_data_parse"] = pparse

	sendResp, _ := codectypes.NewAnyWithValue(&banktypes.MsgSendResponse{})
	delResp, _ := codectypes.NewAnyWithValue(&stakingtypes.MsgDelegateResponse{})
	txMsgData := &sdk.TxMsgData{MsgResponses: []*codectypes.Any{sendResp, delResp}}
	tmd, err := gogoproto.Marshal(txMsgData)
	must(err)
	out["tx_msg_data_hex"] = hex.EncodeToString(tmd)
	out["result_ack"] = string(channeltypes.NewResultAcknowledgement(tmd).Acknowledgement())
	out["error_ack_unauthorized"] = string(channeltypes.NewErrorAcknowledgement(errorsmod.Wrapf(ibcerrors.ErrUnauthorized, "message type not allowed: %s", "/x")).Acknowledgement())
	e1 := errorsmod.Wrapf(icatypes.ErrUnknownDataType, "cannot unmarshal ICS-27 interchain account packet data")
	out["error_unknown_data"] = e1.Error()
	out["error_ack_unknown_data"] = string(channeltypes.NewErrorAcknowledgement(e1).Acknowledgement())

	var badTx icatypes.CosmosTx
	errDecode := cdc.Unmarshal([]byte("not a tx"), &badTx)
	out["error_bad_cosmos_tx"] = fmt.Sprint(errDecode)
	_, errDeser := icatypes.DeserializeCosmosTx(cdc, []byte("not a tx"), icatypes.EncodingProtobuf)
	out["error_deserialize"] = fmt.Sprint(errDeser)
	if errDeser != nil {
		_, code, _ := errorsmod.ABCIInfo(errorsmod.Wrapf(errDeser, "failed to deserialize interchain account transaction"), false)
		out["error_deserialize_code"] = code
	}
	unknownAny, _ := gogoproto.Marshal(&icatypes.CosmosTx{Messages: []*codectypes.Any{{TypeUrl: "/foo.Bar", Value: []byte{}}}})
	_, errUnknown := icatypes.DeserializeCosmosTx(cdc, unknownAny, icatypes.EncodingProtobuf)
	out["error_unknown_type_url"] = fmt.Sprint(errUnknown)
	_, errEnc := icatypes.DeserializeCosmosTx(cdc, txBytes, "bogus")
	out["error_bad_encoding"] = fmt.Sprint(errEnc)
	emptyTx, _ := gogoproto.Marshal(&icatypes.CosmosTx{})
	msgs, errEmpty := icatypes.DeserializeCosmosTx(cdc, emptyTx, icatypes.EncodingProtobuf)
	out["empty_cosmos_tx"] = fmt.Sprintf("%d msgs, err=%v", len(msgs), errEmpty)

	ica := icatypes.NewInterchainAccount(authtypes.NewBaseAccount(addr, nil, 7, 0), port)
	icaAny, err := codectypes.NewAnyWithValue(ica)
	must(err)
	anyBz, _ := gogoproto.Marshal(icaAny)
	out["ica_any_hex"] = hex.EncodeToString(anyBz)
	out["ica_type_url"] = icaAny.TypeUrl
	icaJSON, err := cdc.MarshalInterfaceJSON(ica)
	must(err)
	out["ica_json"] = string(icaJSON)

	reg := &controllertypes.MsgRegisterInterchainAccount{Owner: owner, ConnectionId: "connection-0", Version: "", Ordering: channeltypes.ORDERED}
	regBz, _ := gogoproto.Marshal(reg)
	out["msg_register_hex"] = hex.EncodeToString(regBz)
	sendTx := &controllertypes.MsgSendTx{Owner: owner, ConnectionId: "connection-0", PacketData: pd2, RelativeTimeout: 600000000000}
	sendTxBz, _ := gogoproto.Marshal(sendTx)
	out["msg_send_tx_hex"] = hex.EncodeToString(sendTxBz)
	regResp, _ := gogoproto.Marshal(&controllertypes.MsgRegisterInterchainAccountResponse{ChannelId: "channel-0", PortId: port})
	out["msg_register_response_hex"] = hex.EncodeToString(regResp)

	// SIGN_MODE_LEGACY_AMINO_JSON sign bytes, as simd's x/tx handler computes them.
	handler := aminojson.NewSignModeHandler(aminojson.SignModeHandlerOptions{FileResolver: gogoproto.HybridResolver})
	for name, m := range map[string]gogoproto.Message{"register": reg, "send_tx": sendTx, "register_unordered_version": &controllertypes.MsgRegisterInterchainAccount{Owner: owner, ConnectionId: "connection-0", Version: out["default_metadata"].(string)}} {
		bz, _ := gogoproto.Marshal(m)
		body := &txv1beta1.TxBody{Messages: []*anypb.Any{{TypeUrl: "/" + gogoproto.MessageName(m), Value: bz}}, Memo: "memo"}
		bodyBytes, err := proto.Marshal(body)
		must(err)
		authInfo := &txv1beta1.AuthInfo{Fee: &txv1beta1.Fee{Amount: []*basev1beta1.Coin{{Denom: "stake", Amount: "5000"}}, GasLimit: 200000}}
		signBytes, err := handler.GetSignBytes(context.Background(), signing.SignerData{Address: owner, ChainID: "zone-a-1", AccountNumber: 3, Sequence: 9}, signing.TxData{Body: body, AuthInfo: authInfo, BodyBytes: bodyBytes})
		if err != nil {
			out["amino_"+name] = "ERR " + err.Error()
		} else {
			out["amino_"+name] = string(signBytes)
		}
	}

	enc, _ := json.MarshalIndent(out, "", "  ")
	fmt.Println(string(enc))
}
