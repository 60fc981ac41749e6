// Backstage's own catalog-model judges catalog entities (Week 3).
//
// stdin: {"entities": [<entity>, ...], "fields": {"owner": "group", "dependsOn": null, ...},
//         "judge": true, "names": ["a", ...], "tags": ["x", ...]}   (every key optional;
//         "judge": false resolves the references only, "judge": n judges the first n entities)
// stdout: {"entities": [{"ref", "errors": [message, ...]}],   one per entity, in order
//          "references": [{"source", "field", "ref", "target", "error"}],
//          "names": [true/false, ...], "tags": [true/false, ...]}
//
// "errors" are the messages of the checks Backstage's catalog runs on every entity it reads:
// the entity policies (envelope schema, default namespace, no foreign root fields, field formats)
// and the validators of the built-in kinds. "references" resolves every reference of the given
// spec fields with parseEntityRef (a field's default kind, null for none, and the entity's own
// namespace) and writes it in Backstage's canonical form (stringifyEntityRef), or gives the error
// parseEntityRef raised.
import {
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  KubernetesValidatorFunctions,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  makeValidator,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';

// The catalog's default entity policies, in its order. The catalog stops at the first that fails;
// here the envelope schema and the foreign-root-fields policy both run, so that a learner reads
// "must NOT have additional properties" together with the policy's message naming the field.
// The policies after them read metadata, so they run only on an envelope the schema accepts.
const schemaPolicy = new SchemaValidEntityPolicy();
const rootPolicy = new NoForeignRootFieldsEntityPolicy();
const formatPolicies = EntityPolicies.allOf([new DefaultNamespaceEntityPolicy(), new FieldFormatEntityPolicy()]);
const kindValidators = Object.entries({
  api: apiEntityV1alpha1Validator, component: componentEntityV1alpha1Validator, domain: domainEntityV1alpha1Validator,
  group: groupEntityV1alpha1Validator, location: locationEntityV1alpha1Validator, resource: resourceEntityV1alpha1Validator,
  system: systemEntityV1alpha1Validator, user: userEntityV1alpha1Validator,
}).map(([kind, validator]) => ({ kind, validator }));

function ownRef(entity) {
  try {
    return stringifyEntityRef(entity);
  } catch {
    return null;
  }
}

async function judge(entity) {
  const errors = [];
  if (entity === null || typeof entity !== 'object' || Array.isArray(entity)) {
    return { ref: null, errors: ['the document is not a mapping (an entity is a YAML mapping with apiVersion, kind, metadata, spec)'] };
  }
  let copy = JSON.parse(JSON.stringify(entity));
  for (const policy of [schemaPolicy, rootPolicy]) {
    try {
      await policy.enforce(copy);
    } catch (e) {
      errors.push(String(e.message ?? e));
    }
  }
  if (!errors.length) {
    try {
      copy = await formatPolicies.enforce(copy);
    } catch (e) {
      errors.push(String(e.message ?? e));
    }
  }
  if (!errors.length) {
    let known = false;
    // Each built-in kind's validator answers false for other kinds; ask the kind's own first.
    const own = kindValidators.filter(v => v.kind === String(copy.kind).toLowerCase());
    for (const { validator } of own.length ? own : kindValidators) {
      try {
        if (await validator.check(copy)) known = true;
      } catch (e) {
        errors.push(String(e.message ?? e));
        known = true;
      }
    }
    if (!known) {
      errors.push(`no validator of the catalog recognises kind "${copy.kind}" with apiVersion "${copy.apiVersion}"`);
    }
  }
  return { ref: ownRef(entity), errors };
}

function references(entities, fields) {
  const out = [];
  for (const entity of entities) {
    if (!entity || typeof entity !== 'object' || !entity.metadata) continue;
    const source = ownRef(entity);
    const namespace = entity.metadata.namespace || 'default';
    const spec = entity.spec || {};
    for (const [field, defaultKind] of Object.entries(fields)) {
      const value = spec[field];
      if (value === undefined || value === null || value === '') continue;
      for (const ref of Array.isArray(value) ? value : [value]) {
        const row = { source, field, ref: typeof ref === 'string' ? ref : JSON.stringify(ref), target: null, error: null };
        try {
          row.target = stringifyEntityRef(parseEntityRef(ref, { defaultKind: defaultKind || undefined, defaultNamespace: namespace }));
        } catch (e) {
          row.error = String(e.message ?? e);
        }
        out.push(row);
      }
    }
  }
  return out;
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const payload = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
const validators = makeValidator();
const answer = {};
if (payload.entities) {
  answer.entities = [];
  const count = payload.judge === false ? 0 : Number.isInteger(payload.judge) ? payload.judge : payload.entities.length;
  for (const entity of payload.entities.slice(0, count)) answer.entities.push(await judge(entity));
  if (payload.fields) answer.references = references(payload.entities, payload.fields);
}
if (payload.names) answer.names = payload.names.map(n => KubernetesValidatorFunctions.isValidObjectName(n));
if (payload.tags) answer.tags = payload.tags.map(t => validators.isValidTag(t));
process.stdout.write(JSON.stringify(answer));
