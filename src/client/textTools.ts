/**
 * The opencc-based core the client needs (conversion, cleaning), bundled separately as
 * dist/textTools.js: opencc-js carries megabytes of dictionaries, and keeping them out of
 * dist/extension.js keeps extension loading and activation fast. Loaded on first use by CoreLoader.
 */
export { OpenccConverter, detectScript } from '../core/script';
export { normalize, cleanArticle } from '../core/normalize';
