// The controller submodule's registered error (codespace `icacontroller`, ibc-go v8's controller/types/errors.go).
import { registerError } from '../../../../app/errors.js';
import { SUBMODULE_NAME } from './keys.js';

export const ErrControllerSubModuleDisabled = registerError(SUBMODULE_NAME, 2, 'controller submodule is disabled');
