import type { io } from '@tensorflow/tfjs-core';

/**
 * body-segmentation's tfjs selfie pipeline slices channel 1 of a two-channel output (background, person), while the
 * converted selfie model has one sigmoid channel. This rewrites the model's graph, not the library: it appends a
 * ConcatV2 node that duplicates the channel, and makes that node the model's output. Channel 1 is then the person
 * probability, exactly as the library expects.
 */
export const TWO_CHANNEL_OUTPUT = 'segmeter/two_channel';
const AXIS_NODE = 'segmeter/concat_axis';

interface GraphNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, unknown>;
}

interface SignatureTensor {
  name: string;
  dtype: string;
  tensorShape?: { dim?: { size: string }[] };
}

/** The parts of a tfjs graph-model JSON this adapter reads. */
export interface GraphModelJson {
  format?: string;
  modelTopology: { node: GraphNode[] } & Record<string, unknown>;
  signature?: { inputs: Record<string, SignatureTensor>; outputs: Record<string, SignatureTensor> };
  weightsManifest: { paths: string[]; weights: io.WeightsManifestEntry[] }[];
}

function concatBuffers(a: ArrayBuffer, b: ArrayBuffer): ArrayBuffer {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(new Uint8Array(a), 0);
  out.set(new Uint8Array(b), a.byteLength);
  return out.buffer;
}

/** Builds model artifacts from a graph-model JSON and its weight bytes, with the person channel duplicated. */
export function twoChannelArtifacts(json: GraphModelJson, weights: ArrayBuffer): io.ModelArtifacts {
  const outputs = Object.values(json.signature?.outputs ?? {});
  if (outputs.length !== 1) throw new Error(`expected one model output, found ${outputs.length}`);
  const [output] = outputs;
  const outputNode = output.name.replace(/:0$/, '');
  if (!json.modelTopology.node.some((n) => n.name === outputNode)) {
    throw new Error(`model output node ${outputNode} is not in the graph`);
  }
  const dims = output.tensorShape?.dim ?? [];
  if (dims.length !== 4 || dims[3].size !== '1') throw new Error('expected a [1, h, w, 1] model output');

  const nodes: GraphNode[] = [
    ...json.modelTopology.node,
    {
      name: AXIS_NODE,
      op: 'Const',
      attr: { dtype: { type: 'DT_INT32' }, value: { tensor: { dtype: 'DT_INT32', tensorShape: {} } } },
    },
    {
      name: TWO_CHANNEL_OUTPUT,
      op: 'ConcatV2',
      input: [outputNode, outputNode, AXIS_NODE],
      attr: { N: { i: '2' }, T: { type: 'DT_FLOAT' }, Tidx: { type: 'DT_INT32' } },
    },
  ];
  const weightSpecs = [...json.weightsManifest.flatMap((g) => g.weights)];
  weightSpecs.push({ name: AXIS_NODE, shape: [], dtype: 'int32' });
  const axis = new Int32Array([3]).buffer;
  return {
    format: json.format,
    modelTopology: { ...json.modelTopology, node: nodes },
    signature: {
      inputs: json.signature?.inputs ?? {},
      outputs: {
        [`${TWO_CHANNEL_OUTPUT}:0`]: {
          name: `${TWO_CHANNEL_OUTPUT}:0`,
          dtype: 'DT_FLOAT',
          tensorShape: { dim: [dims[0], dims[1], dims[2], { size: '2' }] },
        },
      },
    },
    weightSpecs,
    weightData: concatBuffers(weights, axis),
  };
}

/** The model as converted (one sigmoid channel), for the direct path that reads that channel itself. */
export function plainArtifacts(json: GraphModelJson, weights: ArrayBuffer): io.ModelArtifacts {
  return {
    format: json.format,
    modelTopology: json.modelTopology,
    signature: json.signature,
    weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
    weightData: weights,
  };
}
