// The host submodule's registered error (codespace `icahost`, ibc-go v8's host/types/errors.go).
import { registerError } from '../../../../app/errors.js';
import { SUBMODULE_NAME } from './keys.js';

export const ErrHostSubModuleDisabled = registerError(SUBMODULE_NAME, 2, 'host submodule is disabled');
