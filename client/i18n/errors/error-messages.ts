/** How one language says each error code of an area, from the code's parameters. */
export type ErrorMessages<Params> = { readonly [K in keyof Params]: (error: Readonly<Params[K]>) => string }
