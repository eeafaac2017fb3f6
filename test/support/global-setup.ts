import type { TestProject } from 'vitest/node';
import { buildTemplate, dropTemplate, type TemplateInfo } from './template';

declare module 'vitest' {
  export interface ProvidedContext {
    template: TemplateInfo;
  }
}

let template: TemplateInfo | undefined;

export async function setup(project: TestProject) {
  template = await buildTemplate();
  project.provide('template', template);
}

export async function teardown() {
  if (template) await dropTemplate(template);
}
