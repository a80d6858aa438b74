/** H5 (local mode): the browser's file input (a phone offers its camera there), then upload and register as any file. */
export { pickAndUploadFile as pickAndUploadPhoto } from './pickFile.h5';
