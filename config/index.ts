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

/**
 * H5 (issue 14), two touches to the built index.html:
 * - the app's stylesheets move from <head> to after the skeleton in <body>, so the skeleton paints before they have
 *   downloaded (a stylesheet in <head> holds every paint back; the scripts still wait for it before running);
 * - index.html's early script preloads the home page's own chunk (js and css) when the home page is what is opened,
 *   so it downloads with the entry scripts instead of after they have run: the chunk's file names replace
 *   "__HOME_CHUNKS__" (server/static.ts hashes the resulting inline script for the CSP).
 */
class PreloadHomePage {
  apply(compiler: any) {
    const { Compilation, sources } = compiler.webpack;
    const isHome = (m: any): boolean => Boolean(m) && (/src[\\/]pages[\\/]catalogue[\\/]index\.tsx/.test(String(m.resource ?? '')) || isHome(m.rootModule) || (m.modules ?? []).some(isHome));
    compiler.hooks.thisCompilation.tap('PreloadHomePage', (compilation: any) => {
      compilation.hooks.processAssets.tap({ name: 'PreloadHomePage', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const html = compilation.getAsset('index.html');
        if (!html) return;
        let text: string = html.source.source().toString();
        const [head, body] = text.split('</head>');
        if (body !== undefined) {
          const styles = head.match(/<link [^>]*rel="stylesheet"[^>]*>/g) ?? [];
          const at = body.search(/<script [^>]*src=|<\/body>/);
          text = styles.reduce((h, l) => h.replace(l, ''), head) + '</head>' + body.slice(0, at) + styles.join('') + body.slice(at);
        }
        const home = [...compilation.chunks].find((chunk: any) => [...compilation.chunkGraph.getChunkModulesIterable(chunk)].some(isHome));
        if (home) {
          const base = String(compilation.outputOptions.publicPath ?? '/');
          const files = [...home.files].filter((f: string) => /\.(js|css)$/.test(f)).map((f: string) => base + f);
          text = text.replace('"__HOME_CHUNKS__"', JSON.stringify(files));
        }
        compilation.updateAsset('index.html', new sources.RawSource(text));
      });
    });
  }
}

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
    // sitemap.json (which pages WeChat's search may index) is a weapp file; the H5 build has no use for it. The H5
    // build gets the site's icon at /favicon.ico, where browsers ask for it when index.html names none.
    copy: { patterns: isWeapp ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }] : [{ from: 'src/favicon.ico', to: 'dist/h5/favicon.ico' }], options: {} },
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
      // Scripts (and, by PreloadHomePage, the app's stylesheet) after the skeleton of src/index.html.
      htmlPluginOption: { inject: 'body' },
      webpackChain(chain) {
        chain.plugin('preloadHomePage').use(PreloadHomePage);
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
        // Pages' stylesheets go after the app's, which now sits in <body> (PreloadHomePage): the cascade keeps its order.
        insert: function (linkTag: HTMLLinkElement) {
          document.body.appendChild(linkTag);
        },
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return merge({}, base, process.env.NODE_ENV === 'development' ? { mini: {}, h5: {} } : {});
});
