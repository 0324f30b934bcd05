// One phase of the import-export bench in this process: `node <bundle of this file> PHASE ARGS`
// (or `node --import tsx bench/import-export-child.ts PHASE ARGS` from source, e.g. to profile).
// Started like the app's processes start.
import { limitHeapGrowth } from '../main/heap-growth';
import { runPhaseHere } from './import-export-phases';

limitHeapGrowth();
void runPhaseHere(process.argv[2] ?? '', process.argv[3] ?? '{}');
