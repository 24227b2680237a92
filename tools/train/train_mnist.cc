// Trains the study's MNIST network with libtorch on the 10,000 training
// digits of ../shared/data/mnist (random affine + elastic distortions make up
// for the small set) and writes it as a float .tflite with our model writer.
//
//   train_mnist --mnist DIR --out models/mnist_float.tflite [--epochs N] ...
//   (train_mnist --help lists every option and its default)
//
// Reproducible: one seed drives weight init, dropout, data order and every
// distortion; data are produced on one thread in a fixed order, and torch
// runs on a fixed number of threads.
//
// The network trains with batch normalization after each convolution;
// export folds it into the convolution (w' = w * g / sqrt(v + eps),
// b' = beta - m * g / sqrt(v + eps)), so the .tflite holds exactly the
// study's ops. The exported weights are an exponential moving average of the
// trained ones (smoother, a little more accurate than the last step).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "digit_augment.h"
#include "mnist_idx.h"
#include "mnist_tflite_export.h"

namespace {

using tinyinfer::train::kDigitPixels;

struct Options {
  std::string mnist_dir;
  std::string out = "models/mnist_float.tflite";
  int epochs = 30;
  int batch = 64;
  double lr = 2e-3;
  double weight_decay = 1e-4;
  double dropout = 0.3;
  double label_smoothing = 0.0;
  double ema_decay = 0.998;
  int holdout = 0;  // last N training digits kept for validation (tuning runs)
  int seed = 1;
  int threads = 2;
  bool test = true;  // report torch's accuracy on the test set at the end
  tinyinfer::train::AugmentOptions augment;
};

void usage(FILE* f) {
  const Options d;
  std::fprintf(f,
               "usage: train_mnist --mnist DIR [--out FILE] [options]\n"
               "  --mnist DIR           MNIST IDX files (.gz or plain): training DIR/train-images-idx3-ubyte +\n"
               "                        train-labels-idx1-ubyte (else DIR/train10k-*), test DIR/t10k-*\n"
               "  --out FILE            float .tflite to write (default %s)\n"
               "  --epochs N            (default %d)\n"
               "  --batch N             (default %d)\n"
               "  --lr X                AdamW peak learning rate, cosine decay (default %g)\n"
               "  --weight-decay X      (default %g)\n"
               "  --dropout X           before each FULLY_CONNECTED (default %g)\n"
               "  --label-smoothing X   (default %g)\n"
               "  --ema X               decay of the exported weight average, 0 = last weights (default %g)\n"
               "  --holdout N           keep the last N training digits for validation (default %d)\n"
               "  --seed N              (default %d)\n"
               "  --threads N           torch threads (default %d)\n"
               "  --shift PX --rotate DEG --scale-min X --scale-max X --elastic-alpha X --elastic-sigma X\n"
               "                        distortions (defaults %g %g %g %g %g %g)\n"
               "  --no-test             skip the final test-set accuracy in torch\n",
               d.out.c_str(), d.epochs, d.batch, d.lr, d.weight_decay, d.dropout, d.label_smoothing, d.ema_decay,
               d.holdout, d.seed, d.threads, d.augment.max_shift, d.augment.max_rotate_deg, d.augment.min_scale,
               d.augment.max_scale, d.augment.elastic_alpha, d.augment.elastic_sigma);
}

bool parse_args(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&](const char** out) {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "train_mnist: %s needs a value\n", a.c_str());
        return false;
      }
      *out = argv[++i];
      return true;
    };
    const char* v = nullptr;
    if (a == "--help" || a == "-h") {
      usage(stdout);
      std::exit(0);
    } else if (a == "--no-test") {
      o->test = false;
    } else if (!value(&v)) {
      return false;
    } else if (a == "--mnist") {
      o->mnist_dir = v;
    } else if (a == "--out") {
      o->out = v;
    } else if (a == "--epochs") {
      o->epochs = std::atoi(v);
    } else if (a == "--batch") {
      o->batch = std::atoi(v);
    } else if (a == "--lr") {
      o->lr = std::atof(v);
    } else if (a == "--weight-decay") {
      o->weight_decay = std::atof(v);
    } else if (a == "--dropout") {
      o->dropout = std::atof(v);
    } else if (a == "--label-smoothing") {
      o->label_smoothing = std::atof(v);
    } else if (a == "--ema") {
      o->ema_decay = std::atof(v);
    } else if (a == "--holdout") {
      o->holdout = std::atoi(v);
    } else if (a == "--seed") {
      o->seed = std::atoi(v);
    } else if (a == "--threads") {
      o->threads = std::atoi(v);
    } else if (a == "--shift") {
      o->augment.max_shift = std::strtof(v, nullptr);
    } else if (a == "--rotate") {
      o->augment.max_rotate_deg = std::strtof(v, nullptr);
    } else if (a == "--scale-min") {
      o->augment.min_scale = std::strtof(v, nullptr);
    } else if (a == "--scale-max") {
      o->augment.max_scale = std::strtof(v, nullptr);
    } else if (a == "--elastic-alpha") {
      o->augment.elastic_alpha = std::strtof(v, nullptr);
    } else if (a == "--elastic-sigma") {
      o->augment.elastic_sigma = std::strtof(v, nullptr);
    } else {
      std::fprintf(stderr, "train_mnist: unknown option '%s'\n", a.c_str());
      return false;
    }
  }
  if (o->mnist_dir.empty()) {
    std::fprintf(stderr, "train_mnist: --mnist DIR is required\n");
    return false;
  }
  if (o->epochs < 1 || o->batch < 1 || o->threads < 1 || o->holdout < 0 || o->lr <= 0) {
    std::fprintf(stderr, "train_mnist: --epochs, --batch, --threads and --lr must be positive\n");
    return false;
  }
  return true;
}

// The study's network in torch's NCHW layout, with batch norm after each
// convolution (folded away at export).
struct NetImpl : torch::nn::Module {
  explicit NetImpl(double dropout_p)
      : conv1(torch::nn::Conv2dOptions(1, 32, 3).bias(false)),  // = DEPTHWISE 3x3 x32 on one channel
        bn1(32),
        conv2(torch::nn::Conv2dOptions(32, 64, 3).bias(false)),
        bn2(64),
        conv3(torch::nn::Conv2dOptions(64, 64, 3).bias(false)),
        bn3(64),
        fc1(576, 64),
        fc2(64, 10),
        dropout(dropout_p) {
    register_module("conv1", conv1);
    register_module("bn1", bn1);
    register_module("conv2", conv2);
    register_module("bn2", bn2);
    register_module("conv3", conv3);
    register_module("bn3", bn3);
    register_module("fc1", fc1);
    register_module("fc2", fc2);
    register_module("dropout", dropout);
  }

  torch::Tensor forward(torch::Tensor x) {  // [N,1,28,28] -> logits [N,10]
    x = torch::max_pool2d(torch::relu(bn1(conv1(x))), 2);
    x = torch::max_pool2d(torch::relu(bn2(conv2(x))), 2);
    x = torch::relu(bn3(conv3(x)));
    x = x.flatten(1);  // (c, h, w) order; export permutes fc1 to NHWC
    x = torch::relu(fc1(dropout(x)));
    return fc2(dropout(x));
  }

  torch::nn::Conv2d conv1;
  torch::nn::BatchNorm2d bn1;
  torch::nn::Conv2d conv2;
  torch::nn::BatchNorm2d bn2;
  torch::nn::Conv2d conv3;
  torch::nn::BatchNorm2d bn3;
  torch::nn::Linear fc1, fc2;
  torch::nn::Dropout dropout;
};
TORCH_MODULE(Net);

std::vector<float> to_vector(const torch::Tensor& t) {
  const torch::Tensor c = t.detach().to(torch::kFloat32).contiguous();
  return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

// Conv weight [out,in,kh,kw] and bias with the batch norm folded in.
void fold_batch_norm(torch::nn::Conv2d& conv, torch::nn::BatchNorm2d& bn, torch::Tensor* weight, torch::Tensor* bias) {
  const torch::Tensor scale = bn->weight / torch::sqrt(bn->running_var + bn->options.eps());
  *weight = conv->weight * scale.view({-1, 1, 1, 1});
  *bias = bn->bias - bn->running_mean * scale;
}

tinyinfer::train::MnistWeights export_weights(Net& net) {
  torch::NoGradGuard no_grad;
  tinyinfer::train::MnistWeights w;
  torch::Tensor weight, bias;
  fold_batch_norm(net->conv1, net->bn1, &weight, &bias);
  w.dw_filter = to_vector(weight.permute({1, 2, 3, 0}));  // [32,1,3,3] -> [1,3,3,32]
  w.dw_bias = to_vector(bias);
  fold_batch_norm(net->conv2, net->bn2, &weight, &bias);
  w.conv2_filter = to_vector(weight.permute({0, 2, 3, 1}));  // [out,in,kh,kw] -> [out,kh,kw,in]
  w.conv2_bias = to_vector(bias);
  fold_batch_norm(net->conv3, net->bn3, &weight, &bias);
  w.conv3_filter = to_vector(weight.permute({0, 2, 3, 1}));
  w.conv3_bias = to_vector(bias);
  // fc1 columns are (c, h, w) in torch; TFLite flattens NHWC: (h, w, c).
  w.fc1_weights = to_vector(net->fc1->weight.view({64, 64, 3, 3}).permute({0, 2, 3, 1}).reshape({64, 576}));
  w.fc1_bias = to_vector(net->fc1->bias);
  w.fc2_weights = to_vector(net->fc2->weight);
  w.fc2_bias = to_vector(net->fc2->bias);
  return w;
}

// Every parameter and buffer of `from` into `to` (same architecture).
void copy_state(Net& from, Net& to) {
  torch::NoGradGuard no_grad;
  auto src_p = from->parameters(), dst_p = to->parameters();
  for (std::size_t i = 0; i < src_p.size(); ++i) dst_p[i].copy_(src_p[i]);
  auto src_b = from->buffers(), dst_b = to->buffers();
  for (std::size_t i = 0; i < src_b.size(); ++i) dst_b[i].copy_(src_b[i]);
}

void update_ema(Net& net, Net& ema, double decay) {
  torch::NoGradGuard no_grad;
  auto p = net->parameters(), e = ema->parameters();
  for (std::size_t i = 0; i < p.size(); ++i) e[i].mul_(decay).add_(p[i], 1.0 - decay);
  auto pb = net->buffers(), eb = ema->buffers();
  for (std::size_t i = 0; i < pb.size(); ++i) {
    if (eb[i].is_floating_point())
      eb[i].mul_(decay).add_(pb[i], 1.0 - decay);
    else
      eb[i].copy_(pb[i]);
  }
}

// Undistorted images [first, first+count) as a float tensor [count,1,28,28].
torch::Tensor images_tensor(const tinyinfer::cli::MnistSet& set, int first, int count) {
  torch::Tensor t = torch::empty({count, 1, 28, 28}, torch::kFloat32);
  float* dst = t.data_ptr<float>();
  for (int i = 0; i < count; ++i) tinyinfer::train::digit_to_float(set.images.image(first + i), dst + i * kDigitPixels);
  return t;
}

torch::Tensor labels_tensor(const tinyinfer::cli::MnistSet& set, int first, int count) {
  torch::Tensor t = torch::empty({count}, torch::kInt64);
  for (int i = 0; i < count; ++i) t[i] = static_cast<int64_t>(set.labels.labels[first + i]);
  return t;
}

// Top-1 accuracy (%) of `net` in eval mode; probabilities optionally returned.
double accuracy(Net& net, const torch::Tensor& images, const torch::Tensor& labels, torch::Tensor* probs = nullptr) {
  torch::NoGradGuard no_grad;
  net->eval();
  std::vector<torch::Tensor> outs;
  for (int64_t i = 0; i < images.size(0); i += 500)
    outs.push_back(net->forward(images.slice(0, i, std::min<int64_t>(i + 500, images.size(0)))));
  const torch::Tensor logits = torch::cat(outs);
  if (probs != nullptr) *probs = torch::softmax(logits, 1);
  const int64_t correct = logits.argmax(1).eq(labels).sum().item<int64_t>();
  return 100.0 * static_cast<double>(correct) / static_cast<double>(images.size(0));
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse_args(argc, argv, &o)) {
    usage(stderr);
    return 2;
  }
  torch::set_num_threads(o.threads);
  torch::manual_seed(static_cast<uint64_t>(o.seed));
  std::mt19937 rng(static_cast<uint32_t>(o.seed));

  tinyinfer::cli::MnistSet train_set, test_set;
  std::string error;
  std::string train_stem;
  if (!tinyinfer::cli::find_mnist_training_stem(o.mnist_dir, &train_stem, &error) ||
      !tinyinfer::cli::load_mnist(o.mnist_dir, train_stem, 0, &train_set, &error) ||
      (o.test && !tinyinfer::cli::load_mnist(o.mnist_dir, "t10k", 0, &test_set, &error))) {
    std::fprintf(stderr, "train_mnist: %s\n", error.c_str());
    return 1;
  }
  if (train_set.images.rows != 28 || train_set.images.cols != 28) {
    std::fprintf(stderr, "train_mnist: %s: expected 28x28 images\n", train_set.images_path.c_str());
    return 1;
  }
  const int train_count = train_set.size() - o.holdout;
  if (train_count < o.batch) {
    std::fprintf(stderr, "train_mnist: --holdout %d leaves too few training digits\n", o.holdout);
    return 1;
  }
  std::printf("training on %d digits of %s (%d held out), %d epochs, batch %d, seed %d, %d threads\n", train_count,
              train_set.images_path.c_str(), o.holdout, o.epochs, o.batch, o.seed, o.threads);
  std::printf("distortions: shift +-%g px, rotate +-%g deg, scale %g..%g, elastic alpha %g sigma %g\n",
              o.augment.max_shift, o.augment.max_rotate_deg, o.augment.min_scale, o.augment.max_scale,
              o.augment.elastic_alpha, o.augment.elastic_sigma);

  torch::Tensor val_images, val_labels;
  if (o.holdout > 0) {
    val_images = images_tensor(train_set, train_count, o.holdout);
    val_labels = labels_tensor(train_set, train_count, o.holdout);
  }

  Net net(o.dropout), ema(o.dropout);
  copy_state(net, ema);
  torch::optim::AdamW optimizer(net->parameters(), torch::optim::AdamWOptions(o.lr).weight_decay(o.weight_decay));

  const int steps_per_epoch = train_count / o.batch;  // the incomplete last batch is dropped
  const int total_steps = steps_per_epoch * o.epochs;
  const int warmup_steps = std::min(steps_per_epoch, total_steps / 10);
  std::vector<int> order(train_count);
  std::vector<float> batch_pixels(static_cast<std::size_t>(o.batch) * kDigitPixels);
  std::vector<int64_t> batch_labels(o.batch);
  const auto start = std::chrono::steady_clock::now();
  int step = 0;

  for (int epoch = 1; epoch <= o.epochs; ++epoch) {
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    net->train();
    double loss_sum = 0.0;
    int64_t correct = 0, seen = 0;
    for (int b = 0; b < steps_per_epoch; ++b, ++step) {
      for (int i = 0; i < o.batch; ++i) {
        const int index = order[b * o.batch + i];
        tinyinfer::train::augment_digit(train_set.images.image(index), batch_pixels.data() + i * kDigitPixels,
                                        o.augment, &rng);
        batch_labels[i] = train_set.labels.labels[index];
      }
      const torch::Tensor x = torch::from_blob(batch_pixels.data(), {o.batch, 1, 28, 28}, torch::kFloat32);
      const torch::Tensor y = torch::from_blob(batch_labels.data(), {o.batch}, torch::kInt64);

      // Linear warm-up, then cosine decay to zero.
      const double lr =
          step < warmup_steps
              ? o.lr * (step + 1) / warmup_steps
              : 0.5 * o.lr *
                    (1.0 + std::cos(M_PI * (step - warmup_steps) / static_cast<double>(total_steps - warmup_steps)));
      for (auto& group : optimizer.param_groups()) static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);

      optimizer.zero_grad();
      const torch::Tensor logits = net->forward(x);
      const torch::Tensor loss = torch::nn::functional::cross_entropy(
          logits, y, torch::nn::functional::CrossEntropyFuncOptions().label_smoothing(o.label_smoothing));
      loss.backward();
      optimizer.step();
      // Early steps average over fewer steps so the average is not stuck at the initial weights.
      update_ema(net, ema, o.ema_decay > 0 ? std::min(o.ema_decay, (1.0 + step) / (10.0 + step)) : 0.0);

      loss_sum += loss.item<double>();
      correct += logits.argmax(1).eq(y).sum().item<int64_t>();
      seen += o.batch;
    }
    std::printf("epoch %2d/%d  loss %.4f  train(distorted) %.2f %%", epoch, o.epochs, loss_sum / steps_per_epoch,
                100.0 * correct / seen);
    if (o.holdout > 0)
      std::printf("  val %.2f %%  val(ema) %.2f %%", accuracy(net, val_images, val_labels),
                  accuracy(ema, val_images, val_labels));
    std::printf("  %.0f s\n", seconds_since(start));
    std::fflush(stdout);
  }

  Net& final_net = ema;
  final_net->eval();
  const tinyinfer::train::MnistWeights weights = export_weights(final_net);
  if (!tinyinfer::train::export_mnist_tflite(weights, o.out, &error)) {
    std::fprintf(stderr, "train_mnist: %s\n", error.c_str());
    return 1;
  }
  std::printf("wrote %s\n", o.out.c_str());

  if (o.test) {
    const torch::Tensor test_images = images_tensor(test_set, 0, test_set.size());
    const torch::Tensor test_labels = labels_tensor(test_set, 0, test_set.size());
    torch::Tensor probs;
    std::printf("test accuracy (torch, %d images): %.2f %%\n", test_set.size(),
                accuracy(final_net, test_images, test_labels, &probs));
    // The export must compute what torch computes: run the written file with
    // the engine on the first test images and compare the probabilities.
    const int check = std::min(200, test_set.size());
    std::vector<float> engine_probs;
    if (!tinyinfer::train::run_exported_model(o.out, test_images.data_ptr<float>(), check, &engine_probs, &error)) {
      std::fprintf(stderr, "train_mnist: %s\n", error.c_str());
      return 1;
    }
    const torch::Tensor engine = torch::from_blob(engine_probs.data(), {check, 10}, torch::kFloat32);
    const torch::Tensor reference = probs.slice(0, 0, check);
    const double max_diff = (engine - reference).abs().max().item<double>();
    const int64_t agree = engine.argmax(1).eq(reference.argmax(1)).sum().item<int64_t>();
    std::printf("export check: engine vs torch on %d test images: max |dp| %.2e, top-1 agrees %lld/%d\n", check,
                max_diff, static_cast<long long>(agree), check);
    if (max_diff > 1e-3 || agree != check) {
      std::fprintf(stderr, "train_mnist: the exported model disagrees with torch\n");
      return 1;
    }
  }
  return 0;
}
