import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const sassLoaderOption = { sassOptions: { silenceDeprecations: ['legacy-js-api', 'import'], quietDeps: true } };
/** Shared types and data live outside src/ and are compiled with it. */
const compile = { include: [path.resolve(__dirname, '..', 'types')] };
/**
 * The mini-program also transpiles the one dependency that ships ES2018 (chinese-days: object spread, optional catch
 * binding), so every file in dist/weapp is ES5 as WeChat's code-quality check and older base libraries expect.
 */
const miniCompile = { include: [...compile.include, path.resolve(__dirname, '..', 'node_modules', 'chinese-days')] };
const isWeapp = process.env.TARO_ENV === 'weapp';

export default defineConfig<'webpack5'>(async (merge) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'hz-legal-products',
    date: '2026-11-26',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // The CloudBase environment the mini-program calls (weapp only).
      CLOUD_ENV: JSON.stringify(process.env.TCB_ENV_ID ?? ''),
      // The public H5 site, for links and QR codes made in the weapp build (optional).
      H5_BASE_URL: JSON.stringify(process.env.H5_BASE_URL ?? ''),
      // WeChat subscription template ids (types/notify.ts TEMPLATE_KEYS), for the weapp's subscription prompt.
      NOTIFY_TEMPLATES: JSON.stringify({ TASK: process.env.NOTIFY_TEMPLATE_TASK ?? '', DEADLINE: process.env.NOTIFY_TEMPLATE_DEADLINE ?? '', RESULT: process.env.NOTIFY_TEMPLATE_RESULT ?? '' }),
    },
    alias: {
      '@shared': path.resolve(__dirname, '..', 'types'),
      // Its ES build trips webpack's module detection here; the UMD build is the same code.
      'chinese-days$': path.resolve(__dirname, '..', 'node_modules', 'chinese-days', 'dist', 'index.min.js'),
    },
    // sitemap.json (which pages WeChat's search may index) is a weapp file; the H5 build has no use for it.
    copy: { patterns: isWeapp ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }] : [], options: {} },
    framework: 'react',
    // taro-ui must not be prebundled (AtInput fails to render on weapp otherwise).
    compiler: { type: 'webpack5', prebundle: { enable: false, exclude: ['taro-ui'] } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: miniCompile,
      // Minified WXML (whitespace collapsed) for the code-quality check; JS (terser) and WXSS (csso) are minified
      // by Taro's production build already.
      minifyXML: { collapseWhitespace: true },
      sassLoaderOption,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
      // Shared component sheets (Unbroken, HomeLink, ElderSwitch …) each style only their own class names, so the
      // order pages import them in does not matter; as in the H5 build, webpack need not warn about it.
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      compile,
      sassLoaderOption,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return merge({}, base, process.env.NODE_ENV === 'development' ? { mini: {}, h5: {} } : {});
});
