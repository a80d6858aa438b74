/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';

/** Set by config/index.ts from TCB_ENV_ID at build time. */
declare const CLOUD_ENV: string;
/** Set by config/index.ts from H5_BASE_URL at build time. */
declare const H5_BASE_URL: string;
/** Set by config/index.ts from NOTIFY_TEMPLATE_TASK/_DEADLINE/_RESULT at build time (empty: no prompt). */
declare const NOTIFY_TEMPLATES: Record<'TASK' | 'DEADLINE' | 'RESULT', string>;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
    [key: string]: string | undefined;
  }
}
