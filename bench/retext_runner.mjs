// Run retext with the plugins a newsroom might pick (intensify, repeated words, readability, passive)
// over the files named on the command line; print one line per message, like a linter.
// Run from bench/.peers/node, where the packages are installed.
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {pathToFileURL} from 'node:url'
import path from 'node:path'

const here = path.join(process.cwd(), 'node_modules')
const load = async (name) => (await import(pathToFileURL(createRequire(path.join(here, 'x')).resolve(name)).href)).default

const unified = (await import(pathToFileURL(createRequire(path.join(here, 'x')).resolve('unified')).href)).unified
const processor = unified()
  .use(await load('retext-english'))
  .use(await load('retext-intensify'))
  .use(await load('retext-repeated-words'))
  .use(await load('retext-readability'))
  .use(await load('retext-passive'))
  .use(await load('retext-stringify'))

let count = 0
const out = []
for (const file of process.argv.slice(2)) {
  const result = await processor.process(await readFile(file, 'utf8'))
  for (const message of result.messages) {
    out.push(`${file}:${message.line}:${message.column}: ${message.reason}`)
    count++
  }
  if (out.length > 1000) process.stdout.write(out.splice(0).join('\n') + '\n')
}
if (out.length) process.stdout.write(out.join('\n') + '\n')
process.exitCode = count ? 1 : 0
