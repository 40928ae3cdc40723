/** Turns the lane camera on and off (F7 is Export; the lane keeps F2, F4, F8, F9, F10). */
export const CAMERA_SHORTCUT = 'F6';
