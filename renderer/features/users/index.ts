export { UsersScreen } from './UsersScreen';
export { ChangePinForm, NewPinFields } from './ChangePinForm';
