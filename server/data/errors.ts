/** A data command refused or could not finish, for a reason the person running it can act on (printed as is). */
export class DataError extends Error {}
