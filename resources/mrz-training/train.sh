#!/usr/bin/env bash
# Train the MRZ OCR model (resources/tessdata/mrz.traineddata) from scratch from the public-domain
# OCR-B font. Reproducible: the line images come from fixed seeds, lstmtraining is deterministic
# for a given data set and iteration count. See README.md for the time it takes.
#
# Usage: bash resources/mrz-training/train.sh [WORK_DIR]   (run from the repository root, venv active)
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="${1:-/tmp/mrz-training}"
TRAIN_LINES="${TRAIN_LINES:-12000}"
EVAL_LINES="${EVAL_LINES:-400}"
MAX_ITERATIONS="${MAX_ITERATIONS:-16200}"
STAGE2_DOCUMENTS="${STAGE2_DOCUMENTS:-1200}"
STAGE2_ITERATIONS="${STAGE2_ITERATIONS:-5500}"
NET_SPEC='[1,36,0,1 Ct3,3,16 Mp3,3 Lfys48 Lfx96 Lrx96 Lfx128 O1c39]'
OUT="$HERE/../tessdata/mrz.traineddata"

mkdir -p "$WORK"/{train,eval,lang/script,checkpoints}
cd "$WORK"

export OMP_THREAD_LIMIT=1
if [ ! -s train.txt ]; then  # a second run in the same WORK_DIR resumes training instead
  echo "== rendering line images ($TRAIN_LINES train, $EVAL_LINES eval)"
  python "$HERE/render_lines.py" train --lines "$TRAIN_LINES" --seed 1 &
  python "$HERE/render_lines.py" eval --lines "$EVAL_LINES" --seed 2
  wait

  echo "== making .lstmf files"
  find train eval -name '*.tif' | sort | xargs -P 2 -I{} sh -c 'tesseract "$1" "${1%.tif}" --psm 13 lstm.train >/dev/null 2>&1' _ {}
  find "$WORK/train" -name '*.lstmf' | sort > train.txt
  find "$WORK/eval" -name '*.lstmf' | sort > eval.txt
fi

echo "== starter traineddata (unicharset of the MRZ alphabet)"
printf 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<\n' > alphabet.txt
unicharset_extractor --output_unicharset lang/mrz.unicharset --norm_mode 1 alphabet.txt
# combine_lang_model insists on a radical-stroke table; the MRZ alphabet has no CJK radicals.
printf '# no CJK radicals in the MRZ alphabet\n' > lang/script/radical-stroke.txt
combine_lang_model --input_unicharset lang/mrz.unicharset --script_dir lang/script \
  --output_dir lang --lang mrz

# lstmtraining resumes from checkpoints/mrz_checkpoint when it exists (a longer second run).
echo "== lstmtraining from scratch ($MAX_ITERATIONS iterations)"
lstmtraining --traineddata lang/mrz/mrz.traineddata --net_spec "$NET_SPEC" \
  --model_output checkpoints/mrz --learning_rate 0.002 \
  --train_listfile train.txt --eval_listfile eval.txt \
  --max_iterations "$MAX_ITERATIONS" --target_error_rate 0.0001

echo "== packing the stage-1 integer model"
lstmtraining --stop_training --convert_to_int --continue_from checkpoints/mrz_checkpoint \
  --traineddata lang/mrz/mrz.traineddata --model_output "$OUT"

# Stage 2: fine-tune on MRZ lines cut from synthetic document scans by the reader's own pipeline
# (make_domain_lines.py, segmenting with the stage-1 model just packed), minus the lines whose crop
# lost a character (filter_lines.py, judged by the same stage-1 model).
if [ ! -s stage2.txt ]; then
  echo "== cutting $STAGE2_DOCUMENTS documents' MRZ lines with the reader pipeline"
  half=$((STAGE2_DOCUMENTS / 2))
  (cd "$HERE/../.." && python -W ignore "$HERE/make_domain_lines.py" "$WORK/domain" --documents "$half" --start 0) &
  (cd "$HERE/../.." && python -W ignore "$HERE/make_domain_lines.py" "$WORK/domain" --documents "$half" --start "$half") &
  (cd "$HERE/../.." && python -W ignore "$HERE/make_domain_lines.py" "$WORK/domain_eval" --documents 80 --start 50000)
  wait
  mkdir -p stage1 && cp "$OUT" stage1/mrz.traineddata
  python "$HERE/filter_lines.py" stage1 domain domain_clean
  python "$HERE/filter_lines.py" stage1 domain_eval domain_eval_clean
  find domain_clean domain_eval_clean -name '*.tif' | sort | xargs -P 2 -I{} sh -c 'tesseract "$1" "${1%.tif}" --psm 13 lstm.train >/dev/null 2>&1' _ {}
  # Round-robin over files: all domain files plus 10 stage-1 files keep the shapes.
  { find "$WORK/domain_clean" -name "*.lstmf"; head -n 10 train.txt; } | sort > stage2.txt
  find "$WORK/domain_eval_clean" -name '*.lstmf' | sort > stage2_eval.txt
fi

echo "== stage 2: fine-tuning ($STAGE2_ITERATIONS iterations)"
lstmtraining --continue_from checkpoints/mrz_checkpoint --traineddata lang/mrz/mrz.traineddata \
  --model_output checkpoints/stage2 --learning_rate 0.0001 \
  --train_listfile stage2.txt --eval_listfile stage2_eval.txt \
  --max_iterations "$STAGE2_ITERATIONS" --target_error_rate 0.0001

echo "== packing the final integer model"
lstmtraining --stop_training --convert_to_int --continue_from checkpoints/stage2_checkpoint \
  --traineddata lang/mrz/mrz.traineddata --model_output "$OUT"
lstmeval --model "$OUT" --eval_listfile stage2_eval.txt 2>&1 | tail -n 1
ls -l "$OUT"
